package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRateLimitTest {

    @Test
    void perAddressLimitAppliesToLoopbackClientsWithHeadersAndA429() {
        try (HttpHarness h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "3"))) {
            for (int i = 1; i <= 3; i++) {
                HttpHarness.Resp r = h.post(null, null, HttpHarness.initializeBody());
                assertThat(r.status()).as("request %d is counted but allowed (then challenged)", i).isEqualTo(401);
                assertThat(r.header("ratelimit-policy")).isEqualTo("3;w=60");
                assertThat(r.header("ratelimit-limit")).isEqualTo("3");
                assertThat(r.header("ratelimit-remaining")).isEqualTo(String.valueOf(3 - i));
                assertThat(Integer.parseInt(r.header("ratelimit-reset"))).isBetween(1, 60);
            }
            HttpHarness.Resp limited = h.post(TOKEN, null, HttpHarness.initializeBody());
            JsonNode b = HttpSecurityTest.assertJsonRpcError(limited, 429, -32029);
            assertThat(b.path("error").path("message").asText()).isEqualTo("Too many requests. Please slow down.");
            assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 60);
            assertThat(limited.header("ratelimit-remaining")).isEqualTo("0");
            assertThat(h.send("GET", "/health", null).status()).as("health is not limited").isEqualTo(200);
            assertThat(h.send("GET", "/.well-known/oauth-protected-resource", null).status()).isEqualTo(200);
        }
    }

    @Test
    void spoofedForwardedForIsIgnoredUnlessAProxyIsTrusted() {
        try (HttpHarness h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "2"))) {
            for (int i = 0; i < 2; i++) h.post(null, null, HttpHarness.initializeBody(), "X-Forwarded-For", "198.51.100." + i);
            assertThat(h.post(null, null, HttpHarness.initializeBody(), "X-Forwarded-For", "198.51.100.9").status())
                    .as("rotating X-Forwarded-For does not buy new buckets").isEqualTo(429);
        }
        try (HttpHarness h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "2", "TRUST_PROXY", "1"))) {
            for (int i = 0; i < 2; i++) h.post(null, null, HttpHarness.initializeBody(), "X-Forwarded-For", "198.51.100.1");
            assertThat(h.post(null, null, HttpHarness.initializeBody(), "X-Forwarded-For", "198.51.100.1").status())
                    .isEqualTo(429);
            assertThat(h.post(null, null, HttpHarness.initializeBody(), "X-Forwarded-For", "6.6.6.6, 198.51.100.2").status())
                    .as("behind one trusted proxy the right-most forwarded address is the client").isEqualTo(401);
        }
    }

    @Test
    void perPrincipalLimitStopsOneUserAcrossAddresses() {
        try (HttpHarness h = HttpHarness.start(Map.of("RATE_LIMIT_PER_MINUTE", "100", "PRINCIPAL_RATE_LIMIT_PER_MINUTE", "4",
                "TRUST_PROXY", "1"))) {
            String sid = h.open(TOKEN); // 2 requests
            for (int i = 0; i < 2; i++) {
                assertThat(h.post(TOKEN, sid, HttpHarness.request(5 + i, "ping", null), "X-Forwarded-For", "203.0.113." + i)
                        .status()).isEqualTo(200);
            }
            HttpHarness.Resp limited = h.post(TOKEN, sid, HttpHarness.request(9, "ping", null), "X-Forwarded-For", "203.0.113.50");
            HttpSecurityTest.assertJsonRpcError(limited, 429, -32029);
            assertThat(limited.header("ratelimit-limit")).isEqualTo("4");
            assertThat(h.post(HttpHarness.OTHER_TOKEN, null, HttpHarness.initializeBody()).status())
                    .as("another user is not affected").isEqualTo(200);
        }
    }
}
