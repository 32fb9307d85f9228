package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds a tool input schema {@code {"type":"object","properties":{...},"required":[...]}}. Numbers are
 * declared as {@code "number"} (as the reference does); handlers enforce integer and range rules.
 */
public final class Schema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectNode properties = F.objectNode();
    private final ArrayNode required = F.arrayNode();

    public static Schema object() { return new Schema(); }

    public Schema number(String name, String description, boolean isRequired) {
        return add(name, prop("number", description), isRequired);
    }

    public Schema numberEnum(String name, String description, boolean isRequired, List<Integer> values) {
        ObjectNode p = prop("number", description);
        ArrayNode e = p.putArray("enum");
        values.forEach(e::add);
        return add(name, p, isRequired);
    }

    public Schema string(String name, String description, boolean isRequired) {
        return add(name, prop("string", description), isRequired);
    }

    public Schema stringEnum(String name, String description, boolean isRequired, List<String> values) {
        ObjectNode p = prop("string", description);
        ArrayNode e = p.putArray("enum");
        values.forEach(e::add);
        return add(name, p, isRequired);
    }

    public Schema stringLength(String name, String description, boolean isRequired, Integer minLength, Integer maxLength) {
        ObjectNode p = prop("string", description);
        if (minLength != null) p.put("minLength", minLength);
        if (maxLength != null) p.put("maxLength", maxLength);
        return add(name, p, isRequired);
    }

    public Schema bool(String name, String description, boolean isRequired) {
        return add(name, prop("boolean", description), isRequired);
    }

    public ObjectNode build() {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        s.set("properties", properties.deepCopy());
        s.set("required", required.deepCopy());
        return s;
    }

    private static ObjectNode prop(String type, String description) {
        ObjectNode p = F.objectNode();
        p.put("type", type);
        p.put("description", description);
        return p;
    }

    private Schema add(String name, ObjectNode p, boolean isRequired) {
        properties.set(name, p);
        if (isRequired) required.add(name);
        return this;
    }
}
