package com.sequentum.mcp.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Turns an error response into the message users see, from either error body form the API uses. */
public final class ErrorMessages {
    static final int MAX_TEXT = 500;
    /** Like {@code JSON.parse}: the whole body must be one JSON value ({@code 404 page not found} is text, not 404). */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"), Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private ErrorMessages() {}

    /** The standard reason phrase for a status (the JDK client does not expose the server's). */
    public static String reasonPhrase(int status) {
        return REASONS.getOrDefault(status, "");
    }

    /**
     * {@code API Error <status>: <reason>} unless the body says better: {@code message}, then
     * {@code title: detail} / {@code detail}, then {@code title}, then {@code statusDescription};
     * a non-JSON body is used as is, cut to 500 characters plus {@code ...}.
     */
    public static String fromBody(int status, String body) {
        String fallback = "API Error " + status + ": " + reasonPhrase(status);
        if (body == null || body.isEmpty()) return fallback;
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (Exception notJson) {
            json = null;
        }
        if (json == null || json.isMissingNode()) {
            return body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) + "..." : body;
        }
        if (!json.isObject()) return fallback;
        String message = text(json, "message");
        if (message != null) return message;
        String detail = text(json, "detail");
        String title = text(json, "title");
        if (detail != null) return title != null ? title + ": " + detail : detail;
        if (title != null) return title;
        String description = text(json, "statusDescription");
        return description != null ? description : fallback;
    }

    private static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.isEmpty() ? null : s;
    }
}
