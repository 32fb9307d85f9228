package com.sequentum.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the two error body forms used by the Control Center API. */
public final class Responses {
    private Responses() {}

    public static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 400 ? "OK" : "Error";
        };
    }

    /** {@code {"statusCode","statusDescription","message","severity"}}. */
    public static Reply message(int status, String message) {
        ObjectNode n = Json.object();
        n.put("statusCode", status);
        n.put("statusDescription", reason(status));
        n.put("message", message);
        n.put("severity", "Error");
        return Reply.json(status, n);
    }

    /** RFC 7807 problem details with {@code application/problem+json}. */
    public static Reply problem(int status, String detail, String instance) {
        ObjectNode n = Json.object();
        n.put("type", "https://tools.ietf.org/html/rfc9110#section-15." + section(status));
        n.put("title", reason(status));
        n.put("status", status);
        n.put("detail", detail);
        n.put("instance", instance);
        return new Reply(status, Reply.PROBLEM_JSON, Json.bytes(n));
    }

    private static String section(int status) {
        return switch (status) {
            case 400 -> "5.1";
            case 401 -> "5.2";
            case 403 -> "5.4";
            case 404 -> "5.5";
            case 405 -> "5.6";
            case 429 -> "5.29";
            case 500 -> "6.1";
            case 503 -> "6.4";
            default -> status >= 500 ? "6" : "5";
        };
    }

    public static Reply of(ApiException e, String instance) {
        return e.form() == ApiException.Form.PROBLEM
                ? problem(e.status(), e.getMessage(), instance)
                : message(e.status(), e.getMessage());
    }
}
