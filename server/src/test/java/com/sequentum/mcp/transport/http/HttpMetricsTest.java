package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.ApiObserver;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.RetryPolicy;
import com.sequentum.mcp.testing.ApiStub;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} (Prometheus text) and {@code /ready}: what is counted, and that no label leaks request data. */
class HttpMetricsTest {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    static String toolCall(int id, String tool, String args) {
        return HttpHarness.request(id, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + args + "}");
    }

    /** The value of one exact series line ({@code name{labels}}), or null when absent. */
    static Double value(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) return Double.parseDouble(line.substring(series.length() + 1).trim());
        }
        return null;
    }

    @Test
    void toolCallsLatencyUpstreamStatusSessionsAndRequestsAreCounted() {
        try (HttpHarness h = HttpHarness.start()) {
            String sid = h.open(TOKEN);
            h.api.json(200, "{\"id\":4242,\"name\":\"Secret Agent\"}");
            assertThat(h.post(TOKEN, sid, toolCall(2, "get_agent", "{\"agentId\":4242}")).status()).isEqualTo(200);
            h.api.json(404, "{\"message\":\"Agent 777 not found\"}");
            h.post(TOKEN, sid, toolCall(3, "get_agent", "{\"agentId\":777}"));
            h.post(TOKEN, sid, toolCall(4, "get_agent", "{\"agentId\":\"not-a-number\"}"));

            HttpHarness.Resp m = h.send("GET", "/metrics", null);
            assertThat(m.status()).isEqualTo(200);
            assertThat(m.header("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            String s = m.body();
            assertThat(value(s, "mcp_tool_calls_total{outcome=\"ok\",tool=\"get_agent\"}")).isEqualTo(1.0);
            assertThat(value(s, "mcp_tool_calls_total{outcome=\"not_found\",tool=\"get_agent\"}")).isEqualTo(1.0);
            assertThat(value(s, "mcp_tool_calls_total{outcome=\"error\",tool=\"get_agent\"}"))
                    .as("invalid argument").isEqualTo(1.0);
            assertThat(value(s, "mcp_tool_call_duration_seconds_count{tool=\"get_agent\"}")).isEqualTo(3.0);
            assertThat(value(s, "mcp_tool_call_duration_seconds_bucket{tool=\"get_agent\",le=\"+Inf\"}")).isEqualTo(3.0);
            assertThat(value(s, "mcp_tool_call_duration_seconds_bucket{tool=\"get_agent\",le=\"0.5\"}")).isNotNull();
            assertThat(value(s, "mcp_upstream_responses_total{status=\"200\"}")).isEqualTo(1.0);
            assertThat(value(s, "mcp_upstream_responses_total{status=\"404\"}")).isEqualTo(1.0);
            assertThat(value(s, "mcp_sessions_open")).isEqualTo(1.0);
            assertThat(value(s, "mcp_http_requests_total{method=\"POST\",status=\"200\"}")).isEqualTo(4.0);
            assertThat(value(s, "mcp_http_requests_total{method=\"POST\",status=\"202\"}")).isEqualTo(1.0);
            assertThat(value(s, "mcp_rate_limit_rejections_total{scope=\"address\"}")).isEqualTo(0.0);
            assertThat(value(s, "mcp_rate_limit_backend_errors_total")).isEqualTo(0.0);
            assertThat(s).contains("jvm_memory_used_bytes");

            assertThat(s).doesNotContain(TOKEN).doesNotContain(TokenVerifier.sha256(TOKEN)).doesNotContain(sid);
            // Ids could show up only in names, labels or help text; sample values are numbers that may contain any digits.
            String withoutSampleValues = s.lines()
                    .map(l -> l.startsWith("#") || l.lastIndexOf(' ') < 0 ? l : l.substring(0, l.lastIndexOf(' ')))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(withoutSampleValues)
                    .doesNotContain("4242").doesNotContain("777").doesNotContain("not-a-number")
                    .doesNotContain("Secret Agent").doesNotContain("127.0.0.1");
            assertLabelsAreBounded(s);

            assertThat(h.delete(TOKEN, sid).status()).isEqualTo(200);
            assertThat(value(h.send("GET", "/metrics", null).body(), "mcp_sessions_open")).isEqualTo(0.0);
        }
    }

    /** Every mcp_* label value is one of a small fixed vocabulary (or a tool name / HTTP status / bucket bound). */
    static void assertLabelsAreBounded(String scrape) {
        Map<String, Pattern> allowed = Map.of(
                "tool", Pattern.compile("[a-z_]+"),
                "outcome", Pattern.compile("ok|error|not_found|auth_error|forbidden|upstream_error|upstream_rate_limited|api_error"),
                "status", Pattern.compile("[1-5][0-9][0-9]|other"),
                "method", Pattern.compile("GET|POST|DELETE|OPTIONS|HEAD|other"),
                "scope", Pattern.compile("address|principal"),
                "reason", Pattern.compile("rate_limited|server_error|timeout|expired|audience|issuer|not_yet_valid"
                        + "|unknown_key|malformed|signature|invalid|jwks_unavailable"),
                "kind", Pattern.compile("timeout|network"),
                "le", Pattern.compile("[0-9.+Inf]+"));
        List<String> seen = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("mcp_")) continue;
            Matcher m = LABEL.matcher(line.substring(0, line.lastIndexOf(' ')));
            while (m.find()) {
                assertThat(allowed).as("label %s in %s", m.group(1), line).containsKey(m.group(1));
                assertThat(m.group(2)).as("value of %s in %s", m.group(1), line).matches(allowed.get(m.group(1)));
                seen.add(m.group(1));
            }
        }
        assertThat(seen).isNotEmpty();
    }

    @Test
    void rateLimitRejectionsAreCountedByScope() {
        try (HttpHarness h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "1"))) {
            h.post(TOKEN, null, HttpHarness.initializeBody());
            assertThat(h.post(TOKEN, null, HttpHarness.initializeBody()).status()).isEqualTo(429);
            assertThat(h.post(TOKEN, null, HttpHarness.initializeBody()).status()).isEqualTo(429);
            String s = h.send("GET", "/metrics", null).body();
            assertThat(value(s, "mcp_rate_limit_rejections_total{scope=\"address\"}")).isEqualTo(2.0);
            assertThat(value(s, "mcp_rate_limit_rejections_total{scope=\"principal\"}")).isEqualTo(0.0);
            assertThat(value(s, "mcp_http_requests_total{method=\"POST\",status=\"429\"}")).isEqualTo(2.0);
            assertThat(h.send("GET", "/metrics", null).status()).as("metrics are not rate limited").isEqualTo(200);
        }
    }

    @Test
    void jwtValidationFailuresAreCountedByReasonWithoutTheToken() {
        try (HttpHarness h = HttpHarness.start(Map.of("TOKEN_VALIDATION", "jwt"))) {
            assertThat(h.post("garbage-token-xyz", null, HttpHarness.initializeBody()).status()).isEqualTo(401);
            String s = h.send("GET", "/metrics", null).body();
            assertThat(value(s, "mcp_jwt_validation_failures_total{reason=\"malformed\"}")).isEqualTo(1.0);
            assertThat(value(s, "mcp_http_requests_total{method=\"POST\",status=\"401\"}")).isEqualTo(1.0);
            assertThat(s).doesNotContain("garbage-token-xyz");
        }
    }

    @Test
    void upstreamRetriesAndFailuresReachTheObserver() {
        try (ApiStub stub = ApiStub.start()) {
            List<String> events = new ArrayList<>();
            ApiHttp http = new ApiHttp(HttpClient.newHttpClient(), stub.baseUrl(), Duration.ofSeconds(5),
                    RetryPolicy.standard(), d -> { }, Clock.systemUTC(), new ObjectMapper())
                    .observe(new ApiObserver() {
                        @Override public void response(int status) { events.add("response " + status); }
                        @Override public void retry(String reason) { events.add("retry " + reason); }
                        @Override public void failure(String kind) { events.add("failure " + kind); }
                    });
            stub.json(503, "{}").rateLimited("1").json(200, "{\"ok\":true}");
            http.send(Credentials.apiKey("sk-test-key-123"), "GET", "/api/v1/agent/all", null);
            assertThat(events).containsExactly("response 503", "retry server_error", "response 429",
                    "retry rate_limited", "response 200");
        }
    }

    @Test
    void upstreamMetricsUseOnlyStatusAndReasonLabels() {
        ServerMetrics metrics = new ServerMetrics();
        ApiObserver o = metrics.apiObserver();
        o.response(502);
        o.response(99999);
        o.retry("timeout");
        o.failure("network");
        String s = metrics.scrape();
        assertThat(value(s, "mcp_upstream_responses_total{status=\"502\"}")).isEqualTo(1.0);
        assertThat(value(s, "mcp_upstream_responses_total{status=\"other\"}")).isEqualTo(1.0);
        assertThat(value(s, "mcp_upstream_retries_total{reason=\"timeout\"}")).isEqualTo(1.0);
        assertThat(value(s, "mcp_upstream_failures_total{kind=\"network\"}")).isEqualTo(1.0);
        assertLabelsAreBounded(s);
    }

    @Test
    void readyIsOkWhileServingAndProbesStillCheckTheHostHeader() {
        try (HttpHarness h = HttpHarness.start(Map.of("ALLOWED_HOSTS", "10.42.0.17"))) {
            HttpHarness.Resp r = h.send("GET", "/ready", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"ready\",\"mode\":\"stateful\"}");
            assertThat(r.header("cache-control")).isEqualTo("no-store");
            for (String path : Set.of("/health", "/ready", "/metrics")) {
                assertThat(h.raw("GET " + path + " HTTP/1.1\r\nHost: 10.42.0.17:3000\r\n", null).status())
                        .as("pod address in ALLOWED_HOSTS (as deploy/k8s sets it): %s", path).isEqualTo(200);
                assertThat(h.raw("GET " + path + " HTTP/1.1\r\nHost: attacker.example\r\n", null).status())
                        .as("foreign host: %s", path).isEqualTo(421);
            }
        }
    }

    @Test
    void readyAnswers503WhileDrainingAndRequestsAreStillServed() throws Exception {
        HttpHarness h = HttpHarness.start(Map.of(), s -> s.withDrainDelay(Duration.ofMillis(1500)));
        try {
            String sid = h.open(TOKEN);
            Thread stopper = new Thread(h.server::stop);
            stopper.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (!h.server.draining() && System.nanoTime() < deadline) Thread.sleep(5);
            HttpHarness.Resp ready = h.send("GET", "/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("{\"status\":\"draining\",\"mode\":\"stateful\"}");
            assertThat(h.send("GET", "/health", null).status()).as("liveness stays green").isEqualTo(200);
            assertThat(h.post(TOKEN, sid, HttpHarness.request(5, "ping", null)).status())
                    .as("requests are still served while the balancer catches up").isEqualTo(200);
            stopper.join(10_000);
            assertThat(stopper.isAlive()).isFalse();
        } finally {
            h.close();
        }
    }
}
