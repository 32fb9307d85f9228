package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code REDIS_URL}: an {@code idempotencyKey} used on one replica is honoured by the others (real {@code redis-server}). */
class HttpRedisIdempotencyTest {
    static final String START = "{\"name\":\"start_agent\",\"arguments\":{\"agentId\":7,\"idempotencyKey\":\"nightly-7\"}}";

    static JsonNode call(HttpHarness h, int id, String params) {
        HttpHarness.Resp r = h.post(TOKEN, null, HttpHarness.request(id, "tools/call", params));
        assertThat(r.status()).isEqualTo(200);
        return r.message().path("result");
    }

    @Test
    void theSameKeyOnTwoReplicasStartsOneRun() throws Exception {
        try (LocalRedis redis = LocalRedis.start();
                HttpHarness a = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url()));
                HttpHarness b = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url()))) {
            a.api.json(200, "{\"runId\":501}");
            JsonNode first = call(a, 1, START);
            JsonNode second = call(b, 2, START);
            assertThat(first.path("isError").asBoolean()).isFalse();
            String text = first.path("content").path(0).path("text").asText();
            assertThat(text).contains("501");
            String replay = second.path("content").path(0).path("text").asText();
            assertThat(replay).startsWith(text + "\n\nNote: idempotencyKey \"nightly-7\" was already used at ");
            assertThat(replay.substring(text.length())).matches("\n\nNote: idempotencyKey \"nightly-7\" was already "
                    + "used at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z; this is the result of that earlier call\\. Nothing new was "
                    + "started\\.");
            assertThat(a.api.requestCount()).isEqualTo(1);
            assertThat(b.api.requestCount()).as("replica B did not call the API").isZero();
            assertThat(HttpMetricsTest.value(b.send("GET", "/metrics", null).body(),
                    "mcp_idempotency_backend_errors_total")).isEqualTo(0.0);
        }
    }

    @Test
    void redisDownRefusesKeyedStartsButNotOtherCalls() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HttpHarness a = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL",
                "redis://127.0.0.1:" + closedPort))) {
            JsonNode refused = call(a, 1, START);
            assertThat(refused.path("isError").asBoolean()).isTrue();
            assertThat(refused.path("content").path(0).path("text").asText()).isEqualTo("Error: Nothing was started: "
                    + "the idempotency store (Redis) shared by the server's replicas cannot be reached, so a duplicate "
                    + "run could not be ruled out. Retry in a few seconds with the same idempotencyKey.");
            assertThat(a.api.requestCount()).isZero();
            a.api.json(200, "{\"runId\":502}");
            JsonNode unkeyed = call(a, 2, "{\"name\":\"start_agent\",\"arguments\":{\"agentId\":7}}");
            assertThat(unkeyed.path("isError").asBoolean()).as("a start without a key needs no Redis").isFalse();
            assertThat(HttpMetricsTest.value(a.send("GET", "/metrics", null).body(),
                    "mcp_idempotency_backend_errors_total")).isEqualTo(1.0);
        }
    }
}
