package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code SEQUENTUM_AUDIT_REDIS_STREAM}: the audit lines of all replicas in one Redis stream (real {@code redis-server}). */
class HttpRedisAuditStreamTest {
    static final String START = "{\"name\":\"start_agent\",\"arguments\":{\"agentId\":7,\"comments\":\"private note\"}}";

    @Test
    void everyReplicaAppendsItsAuditLinesToTheStream() throws Exception {
        try (LocalRedis redis = LocalRedis.start();
                HttpHarness a = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url(),
                        "SEQUENTUM_AUDIT_REDIS_STREAM", "test:audit"));
                HttpHarness b = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url(),
                        "SEQUENTUM_AUDIT_REDIS_STREAM", "test:audit"))) {
            a.api.json(200, "{\"id\":11}");
            b.api.json(200, "{\"id\":12}");
            HttpRedisIdempotencyTest.call(a, 1, START);
            HttpRedisIdempotencyTest.call(b, 2, START);
            HttpRedisIdempotencyTest.call(a, 3, "{\"name\":\"get_agent\",\"arguments\":{\"agentId\":7}}");
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                List<StreamMessage<String, String>> entries = List.of();
                for (int i = 0; i < 100 && entries.size() < 2; i++) { // XADD is asynchronous
                    entries = c.sync().xrange("test:audit", Range.create("-", "+"));
                    if (entries.size() < 2) Thread.sleep(20);
                }
                assertThat(entries).as("the two starts; reading tools are not audited").hasSize(2);
                for (StreamMessage<String, String> e : entries) {
                    assertThat(e.getBody().keySet()).containsExactly("line");
                    JsonNode line = HttpHarness.JSON.readTree(e.getBody().get("line"));
                    assertThat(line.path("tool").asText()).isEqualTo("start_agent");
                    assertThat(line.path("outcome").asText()).isEqualTo("ok");
                    assertThat(line.path("ids").toString()).isEqualTo("{\"agentId\":7}");
                    assertThat(line.path("principal").asText()).matches("[0-9a-f]{16}");
                    assertThat(e.getBody().get("line")).doesNotContain(TOKEN, "private note");
                }
            } finally {
                client.shutdown();
            }
            assertThat(HttpMetricsTest.value(a.send("GET", "/metrics", null).body(), "mcp_audit_backend_errors_total"))
                    .isEqualTo(0.0);
        }
    }

    @Test
    void redisDownKeepsTheCallAndCountsTheLostLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HttpHarness a = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL",
                "redis://127.0.0.1:" + closedPort, "SEQUENTUM_AUDIT_REDIS_STREAM", "test:audit"))) {
            a.api.json(200, "{\"id\":11}");
            JsonNode r = HttpRedisIdempotencyTest.call(a, 1, START);
            assertThat(r.path("isError").asBoolean()).isFalse();
            assertThat(HttpMetricsTest.value(a.send("GET", "/metrics", null).body(), "mcp_audit_backend_errors_total"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void theStreamNeedsRedisAndAPlainName() {
        assertThatThrownBy(() -> HttpSettings.parse(Map.of("SEQUENTUM_AUDIT_REDIS_STREAM", "audit"), new String[0]))
                .hasMessage("SEQUENTUM_AUDIT_REDIS_STREAM needs REDIS_URL (the Redis to write to)");
        assertThatThrownBy(() -> HttpSettings.parse(Map.of("REDIS_URL", "redis://127.0.0.1:6379",
                "SEQUENTUM_AUDIT_REDIS_STREAM", "bad name"), new String[0]))
                .hasMessageStartingWith("SEQUENTUM_AUDIT_REDIS_STREAM must be a stream name");
        assertThat(HttpSettings.parse(Map.of("REDIS_URL", "redis://127.0.0.1:6379",
                "SEQUENTUM_AUDIT_REDIS_STREAM", " sequentum-mcp:audit "), new String[0]).auditRedisStream())
                .isEqualTo("sequentum-mcp:audit");
        assertThat(HttpSettings.parse(Map.of(), new String[0]).auditRedisStream()).isNull();
    }
}
