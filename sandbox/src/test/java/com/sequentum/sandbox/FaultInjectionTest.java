package com.sequentum.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest extends SandboxTest {
    @AfterEach
    void clear() { sb.faults().clear(); }

    @Test
    void statusWithRetryAfterForNextNRequests() {
        sb.faults().add(FaultRule.on("GET", "/api/v1/agent/\\d+").status(429).header("Retry-After", "2").times(2));
        Http.Resp first = h.get("/api/v1/agent/101");
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("2");
        assertThat(first.json().get("statusCode").asInt()).isEqualTo(429);
        assertThat(h.get("/api/v1/agent/all").status()).isEqualTo(200); // different path
        assertThat(h.post("/api/v1/agent/101/versions", null).status()).isEqualTo(405); // different method
        assertThat(h.get("/api/v1/agent/102").status()).isEqualTo(429);
        assertThat(h.get("/api/v1/agent/101").status()).isEqualTo(200);
    }

    @Test
    void gatewayErrorsTruncatedAndNonJsonBodies() {
        sb.faults().add(FaultRule.on("*", "/api/v1/spaces").status(502).times(1));
        assertThat(h.get("/api/v1/spaces").status()).isEqualTo(502);
        sb.faults().add(FaultRule.on("GET", "/api/v1/spaces").truncate().times(1));
        Http.Resp t = h.get("/api/v1/spaces");
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.contentType()).startsWith("application/json");
        assertThatThrownBy(t::json).isInstanceOf(AssertionError.class);
        sb.faults().add(FaultRule.on("GET", "/api/v1/spaces").nonJson(503).times(1));
        Http.Resp html = h.get("/api/v1/spaces");
        assertThat(html.status()).isEqualTo(503);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.text()).contains("<html>");
        sb.faults().add(FaultRule.on("GET", "/api/v1/spaces").status(503).body("{\"message\":\"maintenance\"}").times(1));
        assertThat(h.get("/api/v1/spaces").json().get("message").asText()).isEqualTo("maintenance");
        assertThat(h.get("/api/v1/spaces").status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionAndLatency() {
        sb.faults().add(FaultRule.on("GET", "/api/v1/billing/credits").drop().times(1));
        String raw = Http.raw(sb.baseUrl(), "GET /api/v1/billing/credits HTTP/1.1\r\nHost: x\r\nAuthorization: ApiKey "
                + sb.apiKey() + "\r\n\r\n");
        assertThat(raw).isEmpty();
        // POST is never retried by the JDK client, so the dropped connection surfaces as an IOException
        sb.faults().add(FaultRule.on("POST", "/api/v1/agent/\\d+/start").drop().times(1));
        assertThatThrownBy(() -> h.post("/api/v1/agent/101/start", "{}")).isInstanceOf(UncheckedIOException.class);
        assertThat(h.get("/api/v1/billing/credits").status()).isEqualTo(200);
        sb.faults().add(FaultRule.on("GET", "/api/v1/billing/credits").latency(Duration.ofMillis(300)).times(1));
        long t0 = System.nanoTime();
        assertThat(h.get("/api/v1/billing/credits").status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void probabilityIsApplied() {
        sb.faults().add(FaultRule.on("GET", "/api/v1/spaces/1").status(503).probability(0.5));
        int failures = 0;
        for (int i = 0; i < 60; i++) if (h.get("/api/v1/spaces/1").status() == 503) failures++;
        assertThat(failures).isBetween(10, 50);
    }

    @Test
    void adminEndpoint() {
        Http admin = h.withAuth(null);
        Http.Resp created = admin.post("/__sandbox/faults",
                "{\"method\":\"GET\",\"pathRegex\":\"/api/v1/agent/all\",\"status\":503,\"headers\":{\"Retry-After\":\"1\"},\"times\":1}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("ids").size()).isEqualTo(1);
        assertThat(admin.get("/__sandbox/faults").json().size()).isEqualTo(1);
        Http.Resp r = h.get("/api/v1/agent/all");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(h.get("/api/v1/agent/all").status()).isEqualTo(200);
        admin.post("/__sandbox/faults", "[{\"pathRegex\":\"/api/v1/spaces\",\"action\":\"drop\"},{\"pathRegex\":\"/api/v1/agent/all\",\"action\":\"truncate\"}]");
        assertThat(admin.get("/__sandbox/faults").json().size()).isEqualTo(2);
        assertThat(admin.delete("/__sandbox/faults").status()).isEqualTo(204);
        assertThat(h.get("/api/v1/spaces").status()).isEqualTo(200);
        assertThat(admin.post("/__sandbox/faults", "{\"action\":\"explode\"}").status()).isEqualTo(400);
        assertThat(admin.post("/__sandbox/faults", "{oops").status()).isEqualTo(400);
    }
}
