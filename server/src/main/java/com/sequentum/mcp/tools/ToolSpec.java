package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One tool, completely: identity, documentation, schema, annotations and behaviour. */
public record ToolSpec(String name, String title, Category category, String description, ObjectNode inputSchema,
        Hints hints, ToolHandler handler) {}
