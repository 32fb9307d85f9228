package com.sequentum.mcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.RetryPolicy;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolContext;
import com.sequentum.mcp.tools.ToolResult;
import com.sequentum.mcp.tools.ToolRunner;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A recording stand-in for the Sequentum API (OkHttp MockWebServer) plus the client and tool runner
 * wired to it. Retries never really sleep: the delays are recorded in {@link #sleeps()}.
 */
public final class ApiStub implements AutoCloseable {
    public static final String API_KEY = "sk-test-key-123";
    public static final Instant NOW = Instant.parse("2026-03-15T14:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private Duration timeout = Duration.ofSeconds(5);
    private RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5);
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Credentials credentials = Credentials.apiKey(API_KEY);

    private ApiStub() {}

    public static ApiStub start() {
        ApiStub s = new ApiStub();
        try {
            s.server.start(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    public String baseUrl() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    public ApiStub timeout(Duration d) { this.timeout = d; return this; }
    public ApiStub retry(RetryPolicy p) { this.retry = p; return this; }
    public ApiStub clock(Clock c) { this.clock = c; return this; }
    public ApiStub credentials(Credentials c) { this.credentials = c; return this; }
    public Clock clock() { return clock; }

    public List<Duration> sleeps() { return sleeps; }

    public SequentumApi api() {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ApiHttp apiHttp = new ApiHttp(http, baseUrl(), timeout, retry, sleeps::add, clock, new ObjectMapper());
        return new SequentumApi(apiHttp, credentials);
    }

    // ---- answers -------------------------------------------------------------------------------

    public ApiStub json(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build());
        return this;
    }

    public ApiStub json(String body) { return json(200, body); }

    public ApiStub text(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "text/plain").body(body).build());
        return this;
    }

    public ApiStub empty(int code) {
        server.enqueue(new MockResponse.Builder().code(code).build());
        return this;
    }

    public ApiStub respond(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** 429 with an optional Retry-After header value (null = none). */
    public ApiStub rateLimited(String retryAfter) {
        MockResponse.Builder b = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .body("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Rate limit exceeded\"}");
        if (retryAfter != null) b.addHeader("Retry-After", retryAfter);
        server.enqueue(b.build());
        return this;
    }

    public ApiStub redirect(String location) {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", location).build());
        return this;
    }

    /** Accepts the request and then never answers within the client's timeout. */
    public ApiStub hang() {
        server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("{}").build());
        return this;
    }

    /** Drops the connection without an answer. */
    public ApiStub disconnect() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        return this;
    }

    // ---- calls ---------------------------------------------------------------------------------

    /** Runs a tool from the catalogue exactly as the MCP adapter does. */
    public ToolResult call(String tool, Map<String, Object> arguments) {
        var spec = ToolCatalogue.find(tool).orElseThrow(() -> new IllegalArgumentException("no tool " + tool));
        return ToolRunner.run(spec, ToolContext.of(api(), clock), arguments);
    }

    // ---- recorded requests ---------------------------------------------------------------------

    public int requestCount() { return server.getRequestCount(); }

    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) throw new AssertionError("no request reached the API stub");
            return r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path and query of a recorded request, exactly as sent. */
    public static String target(RecordedRequest r) { return r.getTarget(); }

    public static String body(RecordedRequest r) { return r.getBody() == null ? "" : r.getBody().utf8(); }

    public static JsonNode bodyJson(RecordedRequest r) {
        try {
            return JSON.readTree(body(r));
        } catch (IOException e) {
            throw new AssertionError("request body is not JSON: " + body(r));
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
