package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the JSON-RPC error envelopes every HTTP error response of this server carries. */
final class JsonRpcErrors {
    static final ObjectMapper JSON = new ObjectMapper();

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INTERNAL_ERROR = -32603;
    static final int SERVER_ERROR = -32000;
    static final int UNAUTHORIZED = -32001;
    static final int SESSION_NOT_FOUND = -32001;
    static final int RATE_LIMITED = -32029;
    static final int INVALID_PARAMS = -32602;

    private JsonRpcErrors() {}

    static ObjectNode envelope(int code, String message, ObjectNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("jsonrpc", "2.0");
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (data != null) error.set("data", data);
        root.putNull("id");
        return root;
    }

    static void write(HttpServletResponse response, int status, int code, String message) throws IOException {
        write(response, status, envelope(code, message, null));
    }

    static void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        passThrough(response);
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.getOutputStream().flush();
    }

    /** Lets a body of our own through the {@link ErrorRewritingResponse} wrappers unchanged. */
    static void passThrough(HttpServletResponse response) {
        for (ServletResponse r = response; r instanceof ServletResponseWrapper w; r = w.getResponse()) {
            if (r instanceof ErrorRewritingResponse e) e.passThrough();
        }
    }

    /** The generic message for an HTTP error status that carries no message of our own. */
    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable: Client must accept both application/json and text/event-stream";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large: the request body exceeds 1 MiB";
            case 415 -> "Unsupported Media Type: Content-Type must be application/json";
            case 421 -> "Misdirected Request: host not allowed";
            case 429 -> "Too many requests. Please slow down.";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal server error" : "HTTP error " + status;
        };
    }

    static int defaultCode(int status) {
        if (status == 400) return INVALID_REQUEST;
        if (status == 404) return SESSION_NOT_FOUND;
        if (status == 429) return RATE_LIMITED;
        if (status >= 500 && status != 503) return INTERNAL_ERROR;
        return SERVER_ERROR;
    }

    static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
