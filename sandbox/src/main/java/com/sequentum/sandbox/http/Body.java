package com.sequentum.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Case-insensitive, type-checked access to a JSON request body (like ASP.NET model binding). */
public final class Body {
    private final Map<String, JsonNode> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Body(JsonNode node) {
        if (node == null || node.isNull()) return;
        if (!node.isObject()) throw ApiException.badRequest("The request body must be a JSON object.");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), e.getValue());
        }
    }

    public static Body of(byte[] raw) { return new Body(Json.parse(raw)); }

    public boolean has(String name) {
        JsonNode n = fields.get(name);
        return n != null && !n.isNull();
    }

    public String str(String name) {
        JsonNode n = fields.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest("The field " + name + " must be a string.");
        return n.asText();
    }

    public Integer integer(String name) {
        JsonNode n = fields.get(name);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber() && n.canConvertToInt()) return n.asInt();
        if (n.isTextual()) {
            try {
                return Integer.parseInt(n.asText().trim());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        throw ApiException.badRequest("The field " + name + " must be an integer.");
    }

    public Boolean bool(String name) {
        JsonNode n = fields.get(name);
        if (n == null || n.isNull()) return null;
        if (n.isBoolean()) return n.asBoolean();
        if (n.isTextual()) {
            String t = n.asText().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) return true;
            if (t.equals("false")) return false;
        }
        throw ApiException.badRequest("The field " + name + " must be a boolean.");
    }

    /** Value of a string enum, matched case-insensitively and returned in canonical spelling. */
    public String oneOf(String name, String... allowed) {
        String v = str(name);
        if (v == null) return null;
        for (String a : allowed) if (a.equalsIgnoreCase(v.trim())) return a;
        throw ApiException.badRequest("The value '" + v + "' is not valid for " + name + ". Allowed: " + String.join(", ", allowed) + ".");
    }
}
