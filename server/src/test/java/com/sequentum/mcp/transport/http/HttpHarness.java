package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.RetryPolicy;
import com.sequentum.mcp.testing.ApiStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A running HTTP server wired to an {@link ApiStub} (or, with {@link #wrap}, to anything), and a real-socket client for it. */
final class HttpHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "tok-alice-123";
    static final String OTHER_TOKEN = "tok-bob-456";
    static final String ACCEPT_BOTH = "application/json, text/event-stream";

    final ApiStub api;
    final McpHttpServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    private HttpHarness(ApiStub api, McpHttpServer server) {
        this.api = api;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    static HttpHarness start() {
        return start(Map.of());
    }

    static HttpHarness start(Map<String, String> env) {
        return start(env, UnaryOperator.identity());
    }

    static HttpHarness start(Map<String, String> env, UnaryOperator<HttpSettings> tweak) {
        ApiStub api = ApiStub.start();
        Map<String, String> e = new HashMap<>();
        e.put("PORT", "0");
        e.put("SEQUENTUM_API_URL", api.baseUrl());
        e.putAll(env);
        HttpSettings settings = tweak.apply(HttpSettings.parse(e, new String[0]));
        ApiHttp http = new ApiHttp(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                api.baseUrl(), Duration.ofSeconds(5), RetryPolicy.none(), d -> { }, api.clock(), new ObjectMapper());
        try {
            return new HttpHarness(api, McpHttpServer.start(settings, http, "1.3.0-test"));
        } catch (Exception ex) {
            api.close();
            throw new IllegalStateException(ex);
        }
    }

    /** A client for a server wired to something other than an {@link ApiStub} (e.g. the sandbox); {@code api} is null. */
    static HttpHarness wrap(McpHttpServer server) {
        return new HttpHarness(null, server);
    }

    @Override
    public void close() {
        server.stop();
        if (api != null) api.close();
    }

    record Resp(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : String.join(", ", v);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The JSON of the first SSE {@code data:} event, or the plain JSON body. */
        JsonNode message() {
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    try {
                        return JSON.readTree(line.substring(5).trim());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
            return json();
        }
    }

    Resp send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> h = new HashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
            return new Resp(r.statusCode(), h, r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST /mcp with the usual MCP headers; extra headers (name, value, ...) are appended. */
    Resp post(String token, String sessionId, String body, String... extra) {
        List<String> h = new ArrayList<>(List.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH));
        if (token != null) h.addAll(List.of("Authorization", "Bearer " + token));
        if (sessionId != null) h.addAll(List.of("Mcp-Session-Id", sessionId));
        h.addAll(List.of(extra));
        return send("POST", "/mcp", body, h.toArray(String[]::new));
    }

    static String initializeBody() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    }

    static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    /** initialize + notifications/initialized; returns the session id. */
    String open(String token) {
        Resp r = post(token, null, initializeBody());
        if (r.status() != 200) throw new AssertionError("initialize failed: " + r.status() + " " + r.body());
        String sid = r.header("mcp-session-id");
        Resp n = post(token, sid, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        if (n.status() != 202) throw new AssertionError("initialized failed: " + n.status() + " " + n.body());
        return sid;
    }

    Resp delete(String token, String sessionId) {
        List<String> h = new ArrayList<>();
        if (token != null) h.addAll(List.of("Authorization", "Bearer " + token));
        if (sessionId != null) h.addAll(List.of("Mcp-Session-Id", sessionId));
        return send("DELETE", "/mcp", null, h.toArray(String[]::new));
    }

    /** A raw HTTP/1.1 exchange over a socket (for headers the JDK client refuses to send, such as Host). */
    Resp raw(String requestHead, String body) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = requestHead + (body == null ? "" : "Content-Length: " + b.length + "\r\n") + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> h = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int c = lines[i].indexOf(':');
                h.computeIfAbsent(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(c + 1).trim());
            }
            return new Resp(status, h, text.substring(split + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
