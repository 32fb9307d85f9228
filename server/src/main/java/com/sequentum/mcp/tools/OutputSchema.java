package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small builders for tool output schemas (JSON Schema 2020-12, using only keywords that mean the same in draft-07 so
 * every client validator agrees). Pass-through API data is described leniently: every known field may also be null,
 * unknown fields are allowed, and nothing an API may leave out is required.
 */
public final class OutputSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OutputSchema() {}

    public static ObjectNode type(String... types) {
        ObjectNode n = F.objectNode();
        if (types.length == 1) {
            n.put("type", types[0]);
        } else {
            ArrayNode a = n.putArray("type");
            for (String t : types) a.add(t);
        }
        return n;
    }

    /** string or null */
    public static ObjectNode str() { return type("string", "null"); }
    /** number or null */
    public static ObjectNode num() { return type("number", "null"); }
    /** boolean or null */
    public static ObjectNode bool() { return type("boolean", "null"); }
    /** any JSON value */
    public static ObjectNode any() { return F.objectNode(); }
    /** a status that is a label or a code */
    public static ObjectNode status() { return type("string", "number", "null"); }

    /** A nullable array of {@code item}. */
    public static ObjectNode arrayOf(ObjectNode item) {
        ObjectNode n = type("array", "null");
        n.set("items", item);
        return n;
    }

    /** A nullable object with these known members (name, schema pairs); other members allowed. */
    public static ObjectNode record(Object... members) {
        ObjectNode n = type("object", "null");
        n.set("properties", props(members));
        n.put("additionalProperties", true);
        return n;
    }

    /** The top-level schema: an object with these known members, other members allowed, nothing required. */
    public static ObjectNode root(Object... members) {
        ObjectNode n = type("object");
        n.set("properties", props(members));
        n.put("additionalProperties", true);
        return n;
    }

    /** A top-level schema whose listed members are always present (for shapes this server builds itself). */
    public static ObjectNode rootRequiring(String[] required, Object... members) {
        ObjectNode n = root(members);
        ArrayNode r = n.putArray("required");
        for (String s : required) r.add(s);
        return n;
    }

    /** A list result: {@code {"items": [item...]}} plus the budget's {@code truncation} note. */
    public static ObjectNode list(ObjectNode item) {
        return root("items", arrayOf(item), "truncation", truncation());
    }

    /** What the result budget adds when it shortened a list. */
    public static ObjectNode truncation() {
        return record("field", str(), "shown", num(), "total", num(), "budgetBytes", num(), "next", str());
    }

    static ObjectNode props(Object... members) {
        if (members.length % 2 != 0) throw new IllegalArgumentException("name/schema pairs expected");
        ObjectNode p = F.objectNode();
        for (int i = 0; i < members.length; i += 2) p.set((String) members[i], (ObjectNode) members[i + 1]);
        return p;
    }

    /** Appends members to an existing list of pairs. */
    static Object[] plus(Object[] base, Object... more) {
        Object[] out = new Object[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
