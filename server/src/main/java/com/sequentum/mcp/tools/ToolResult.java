package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.json.JsJson;

/**
 * What a tool returns: one text block, flagged as an error or not, and for successes the same content as a
 * structured value ({@code structuredContent}, always a JSON object). {@code value} and {@code prefix} keep the JSON
 * the text was rendered from, so the result budget can cut it at a record boundary.
 */
public record ToolResult(String text, boolean isError, ObjectNode structured, String prefix, JsonNode value) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public ToolResult(String text, boolean isError) {
        this(text, isError, null, null, null);
    }

    /** A fixed sentence; {@code structured} says the same thing as a small object. */
    public static ToolResult text(String text, ObjectNode structured) { return new ToolResult(text, false, structured, null, null); }

    /** A text with no structured counterpart (tests and transports only; tools always state one). */
    public static ToolResult text(String text) { return new ToolResult(text, false); }

    /** The value rendered like {@code JSON.stringify(value, null, 2)}. */
    public static ToolResult json(JsonNode value) { return json("", value); }

    /** A fixed prefix followed by the pretty JSON value. */
    public static ToolResult json(String prefix, JsonNode value) {
        return new ToolResult(prefix + JsJson.pretty(value), false, structure(value), prefix, value);
    }

    public static ToolResult error(String text) { return new ToolResult(text, true); }

    /** The same result with another text (e.g. a transport rewording an error). */
    public ToolResult withText(String newText) { return new ToolResult(newText, isError, structured, prefix, value); }

    /** A small object from name/value pairs (numbers, booleans, strings, JSON nodes). */
    public static ObjectNode fields(Object... kv) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            Object v = kv[i + 1];
            if (v == null) o.putNull(k);
            else if (v instanceof Boolean b) o.put(k, b);
            else if (v instanceof Integer n) o.put(k, n);
            else if (v instanceof Long n) o.put(k, n);
            else if (v instanceof Double n) o.put(k, n);
            else if (v instanceof JsonNode n) o.set(k, n);
            else o.put(k, v.toString());
        }
        return o;
    }

    /**
     * structuredContent must be an object: objects are used as they are, arrays become {@code {"items": [...]}},
     * anything else (an API text body, a number) {@code {"value": ...}}.
     */
    public static ObjectNode structure(JsonNode value) {
        if (value == null || value.isMissingNode()) return F.objectNode();
        if (value.isObject()) return (ObjectNode) value;
        ObjectNode o = F.objectNode();
        o.set(value.isArray() ? "items" : "value", value);
        return o;
    }
}
