package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Tiny HTTP client for tests. */
final class Http {
    static final ObjectMapper M = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    record Resp(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String text() { return new String(bytes, StandardCharsets.UTF_8); }

        JsonNode json() {
            try {
                return M.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String n) { return headers.firstValue(n).orElse(null); }

        String contentType() { return header("Content-Type"); }
    }

    private final String base;
    private final String auth;

    Http(String base, String auth) {
        this.base = base;
        this.auth = auth;
    }

    static Http apiKey(SandboxServer sb) { return new Http(sb.baseUrl(), "ApiKey " + sb.apiKey()); }

    Http withAuth(String a) { return new Http(base, a); }

    Resp get(String path) { return send("GET", path, null); }
    Resp delete(String path) { return send("DELETE", path, null); }
    Resp post(String path, String json) { return send("POST", path, json); }
    Resp put(String path, String json) { return send("PUT", path, json); }

    Resp send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (auth != null) b.header("Authorization", auth);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Resp(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes over a socket and returns everything the server answered. */
    static String raw(String baseUrl, String request) {
        URI u = URI.create(baseUrl);
        try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) sb.append('&');
            sb.append(java.net.URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
