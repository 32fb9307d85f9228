package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.validation.InitializeParams;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a {@code /mcp} request before the SDK sees it, with the status codes and JSON-RPC errors clients expect
 * (the SDK's own answers are different and leak exception dumps): method (405), {@code Accept} (406),
 * {@code Content-Type} (415), body size (413), JSON syntax (400/-32700) and JSON-RPC shape (400/-32600). The parsed
 * message is kept as a request attribute and the body replayed to the SDK. Logs requests in DEBUG with secrets and
 * personal tool arguments redacted.
 */
final class McpRequestFilter extends HttpFilter {
    static final Set<String> REDACTED_HEADERS = Set.of("authorization", "cookie", "set-cookie", "x-api-key",
            "proxy-authorization");
    static final Set<String> REDACTED_ARGUMENTS = Set.of("inputParameters", "prompt", "comments", "apiKey", "token",
            "accessToken", "refreshToken", "password", "secret", "clientSecret");

    private final long maxBody;
    private final boolean debug;
    private final java.util.List<String> protocolVersions;

    McpRequestFilter(long maxBody, boolean debug, java.util.List<String> protocolVersions) {
        this.maxBody = maxBody;
        this.debug = debug;
        this.protocolVersions = protocolVersions;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod();
        if (debug) {
            Console.line("[MCP] {} {}", method, req.getRequestURI());
            Console.line("[MCP] Headers: {}", redactedHeaders(req));
        }
        String version = req.getHeader("Mcp-Protocol-Version");
        if (version != null && !protocolVersions.contains(version.trim()) && !method.equals("OPTIONS")) {
            JsonRpcErrors.write(res, 400, JsonRpcErrors.SERVER_ERROR, "Bad Request: Unsupported protocol version: "
                    + version.replaceAll("[^A-Za-z0-9._-]", "?") + " (supported versions: "
                    + String.join(", ", protocolVersions) + ")");
            return;
        }
        switch (method) {
            case "POST" -> post(req, res, chain);
            case "GET" -> {
                if (!accepts(req, "text/event-stream")) {
                    JsonRpcErrors.write(res, 406, JsonRpcErrors.SERVER_ERROR,
                            "Not Acceptable: Client must accept text/event-stream");
                    return;
                }
                chain.doFilter(req, res);
            }
            case "DELETE" -> chain.doFilter(req, res);
            default -> {
                res.setHeader("Allow", CorsPolicy.ALLOW_METHODS);
                JsonRpcErrors.write(res, 405, JsonRpcErrors.SERVER_ERROR, "Method Not Allowed: use POST, GET or DELETE");
            }
        }
    }

    private void post(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!accepts(req, "application/json") || !accepts(req, "text/event-stream")) {
            JsonRpcErrors.write(res, 406, JsonRpcErrors.SERVER_ERROR,
                    "Not Acceptable: Client must accept both application/json and text/event-stream");
            return;
        }
        String ct = req.getContentType();
        if (ct == null || !ct.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json")) {
            JsonRpcErrors.write(res, 415, JsonRpcErrors.SERVER_ERROR,
                    "Unsupported Media Type: Content-Type must be application/json");
            return;
        }
        if (req.getContentLengthLong() > maxBody) {
            tooLarge(req, res);
            return;
        }
        byte[] body = readLimited(req.getInputStream(), maxBody);
        if (body == null) {
            tooLarge(req, res);
            return;
        }
        JsonNode message;
        try {
            message = JsonRpcErrors.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            message = null;
        }
        if (message == null || message.isMissingNode()) {
            JsonRpcErrors.write(res, 400, JsonRpcErrors.PARSE_ERROR, "Parse error: Invalid JSON");
            return;
        }
        if (message.isArray()) {
            JsonRpcErrors.write(res, 400, JsonRpcErrors.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not supported; send one message per request");
            return;
        }
        if (!isJsonRpc(message)) {
            JsonRpcErrors.write(res, 400, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message");
            return;
        }
        if (message.has("id") && "initialize".equals(message.path("method").asText(null))) {
            String problem = InitializeParams.problemIn(body, body.length);
            if (problem != null) {
                ObjectNode error = JsonRpcErrors.envelope(JsonRpcErrors.INVALID_PARAMS, problem, null);
                error.set("id", message.get("id"));
                JsonRpcErrors.write(res, 400, error);
                return;
            }
        }
        req.setAttribute(Attrs.MESSAGE, message);
        if (debug) Console.line("[MCP] Body: {}", redactedBody(message));
        chain.doFilter(new CachedBodyRequest(req, body), res);
    }

    static boolean isJsonRpc(JsonNode m) {
        if (!m.isObject() || !"2.0".equals(m.path("jsonrpc").asText(null)) || !m.path("jsonrpc").isTextual()) return false;
        JsonNode id = m.get("id");
        boolean idOk = id == null || id.isTextual() || id.isIntegralNumber();
        if (m.has("method")) return m.get("method").isTextual() && idOk
                && (!m.has("params") || m.get("params").isObject() || m.get("params").isArray());
        return id != null && idOk && (m.has("result") ^ m.has("error"));
    }

    static boolean accepts(HttpServletRequest req, String type) {
        for (String header : Collections.list(req.getHeaders("Accept"))) {
            for (String part : header.split(",")) {
                String t = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (t.equals(type)) return true;
            }
        }
        return false;
    }

    /** Bytes of an oversized body read and thrown away so the client can finish sending and read the 413. */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private static void tooLarge(HttpServletRequest req, HttpServletResponse res) throws IOException {
        // A client still writing its body when the connection closes sees "broken pipe" instead of our answer, so a
        // moderately oversized body is drained first; a huge one is cut off (the connection is closed either way).
        if (req.getContentLengthLong() <= DRAIN_LIMIT) {
            try {
                InputStream in = req.getInputStream();
                byte[] buf = new byte[8192];
                long drained = 0;
                int n;
                while (drained < DRAIN_LIMIT && (n = in.read(buf)) != -1) drained += n;
            } catch (IOException ignored) {
                // the client gave up; the answer below may still reach it
            }
        }
        res.setHeader("Connection", "close");
        JsonRpcErrors.write(res, 413, JsonRpcErrors.SERVER_ERROR, "Payload Too Large: the request body exceeds 1 MiB");
    }

    /** The whole stream, or null when it is longer than {@code max} bytes. */
    private static byte[] readLimited(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > max) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static String redactedHeaders(HttpServletRequest req) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(lower, REDACTED_HEADERS.contains(lower) ? "[REDACTED]" : String.join(", ",
                    Collections.list(req.getHeaders(name))));
        }
        try {
            return JsonRpcErrors.JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    /** The message with top-level personal/secret tool and prompt arguments replaced by {@code "[REDACTED]"}. */
    static String redactedBody(JsonNode message) {
        JsonNode copy = message.deepCopy();
        JsonNode args = copy.path("params").path("arguments");
        if (args instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (REDACTED_ARGUMENTS.contains(k)) o.put(k, "[REDACTED]");
            }
        }
        return copy.toString();
    }

    /** Replays an already-read body to the SDK. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new IllegalStateException("blocking only"); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
