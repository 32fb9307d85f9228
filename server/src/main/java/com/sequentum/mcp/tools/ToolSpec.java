package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One tool, completely: identity, documentation, input and output schema, annotations and behaviour. */
public record ToolSpec(String name, String title, Category category, String description, ObjectNode inputSchema,
        Hints hints, ToolHandler handler) {
    /** The output schema, kept in {@link ToolOutputs} next to the catalogue. */
    public ObjectNode outputSchema() { return ToolOutputs.of(name).schema(); }
}
