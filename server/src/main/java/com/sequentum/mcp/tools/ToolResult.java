package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.json.JsJson;

/** What a tool returns: one text block, flagged as an error or not. */
public record ToolResult(String text, boolean isError) {
    public static ToolResult text(String text) { return new ToolResult(text, false); }

    /** The value rendered like {@code JSON.stringify(value, null, 2)}. */
    public static ToolResult json(JsonNode value) { return new ToolResult(JsJson.pretty(value), false); }

    /** A fixed prefix followed by the pretty JSON value. */
    public static ToolResult json(String prefix, JsonNode value) { return new ToolResult(prefix + JsJson.pretty(value), false); }

    public static ToolResult error(String text) { return new ToolResult(text, true); }
}
