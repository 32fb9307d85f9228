package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.json.JsJson;
import java.util.List;

/** The compact agent shape {@code list_agents} and {@code search_agents} return, with last-run status labels. */
public final class AgentSummaries {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Labels of the agent last-run status codes 0..12. */
    public static final List<String> STATUS_LABELS = List.of("Invalid", "Running", "Exporting", "Starting", "Queuing",
            "Stopping", "Failure", "Failed", "Stopped", "Completed", "Success", "Skipped", "Waiting");

    private AgentSummaries() {}

    /** "code = label" pairs for descriptions, e.g. {@code 0=Invalid, 1=Running, ...}. */
    public static String statusLegend() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < STATUS_LABELS.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(i).append('=').append(STATUS_LABELS.get(i));
        }
        return sb.toString();
    }

    public static String statusLabel(JsonNode status) {
        if (status == null || status.isNull() || status.isMissingNode()) return "Never Run";
        if (status.isIntegralNumber() && status.canConvertToInt()) {
            int code = status.intValue();
            if (code >= 0 && code < STATUS_LABELS.size()) return STATUS_LABELS.get(code);
        }
        String shown = status.isNumber() ? JsJson.number(status.doubleValue()) : status.isTextual() ? status.textValue() : status.toString();
        return "Unknown (" + shown + ")";
    }

    /** {@code {id, name, description, status, configType, version, lastActivity}}; fields the API left out stay out. */
    public static ObjectNode summary(JsonNode agent) {
        ObjectNode out = F.objectNode();
        copy(agent, out, "id");
        copy(agent, out, "name");
        copy(agent, out, "description");
        out.put("status", statusLabel(agent.get("status")));
        copy(agent, out, "configType");
        copy(agent, out, "version");
        copy(agent, out, "lastActivity");
        return out;
    }

    public static ArrayNode summaries(JsonNode agents) {
        ArrayNode out = F.arrayNode();
        for (JsonNode a : agents) out.add(a.isObject() ? summary(a) : a);
        return out;
    }

    /** A paged answer is an object whose {@code agents} is an array. */
    public static boolean isPaged(JsonNode response) {
        return response != null && response.isObject() && response.has("agents") && response.get("agents").isArray();
    }

    /** JavaScript's {@code typeof} for an unexpected response. */
    public static String jsTypeOf(JsonNode n) {
        if (n == null || n.isMissingNode()) return "undefined";
        if (n.isTextual()) return "string";
        if (n.isNumber()) return "number";
        if (n.isBoolean()) return "boolean";
        return "object";
    }

    /** Copies {@code field} when the API sent it (null included); a field the API left out stays out. */
    static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) to.set(field, from.get(field));
    }
}
