package com.sequentum.mcp.transport.http;

import static com.sequentum.mcp.transport.http.HttpHarness.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code REDIS_URL}: limits shared by replicas, and failing open when Redis goes away (real {@code redis-server}). */
class HttpRedisRateLimitTest {

    static int ping(HttpHarness h, int id) {
        return h.post(TOKEN, null, HttpHarness.request(id, "ping", null)).status();
    }

    @Test
    void twoReplicasShareOnePerAddressBudget() throws Exception {
        try (LocalRedis redis = LocalRedis.start();
                HttpHarness a = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url(),
                        "RATE_LIMIT_PER_MINUTE", "4"));
                HttpHarness b = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url(),
                        "RATE_LIMIT_PER_MINUTE", "4"))) {
            List<Integer> statuses = List.of(ping(a, 1), ping(b, 2), ping(a, 3), ping(b, 4), ping(a, 5), ping(b, 6));
            assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
            HttpHarness.Resp limited = b.post(TOKEN, null, HttpHarness.request(7, "ping", null));
            assertThat(limited.header("ratelimit-limit")).isEqualTo("4");
            assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 60);
            for (HttpHarness h : List.of(a, b)) {
                assertThat(HttpMetricsTest.value(h.send("GET", "/metrics", null).body(),
                        "mcp_rate_limit_backend_errors_total")).isEqualTo(0.0);
            }
        }
    }

    @Test
    void perPrincipalBudgetIsSharedToo() throws Exception {
        try (LocalRedis redis = LocalRedis.start();
                HttpHarness a = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url(),
                        "PRINCIPAL_RATE_LIMIT_PER_MINUTE", "3"));
                HttpHarness b = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url(),
                        "PRINCIPAL_RATE_LIMIT_PER_MINUTE", "3"))) {
            assertThat(List.of(ping(a, 1), ping(b, 2), ping(a, 3), ping(b, 4))).containsExactly(200, 200, 200, 429);
            assertThat(b.post(HttpHarness.OTHER_TOKEN, null, HttpHarness.request(5, "ping", null)).status())
                    .as("another user has their own budget").isEqualTo(200);
        }
    }

    @Test
    void redisGoingAwayFailsOpenToPerReplicaLimitsWithAMetric() throws Exception {
        LocalRedis redis = LocalRedis.start();
        try (HttpHarness a = HttpHarness.start(Map.of("STATELESS", "true", "REDIS_URL", redis.url(),
                "RATE_LIMIT_PER_MINUTE", "3"))) {
            assertThat(ping(a, 1)).isEqualTo(200);
            redis.close();
            long started = System.nanoTime();
            assertThat(ping(a, 2)).as("served without Redis").isEqualTo(200);
            assertThat(ping(a, 3)).isEqualTo(200);
            assertThat(ping(a, 4)).isEqualTo(200);
            assertThat(ping(a, 5)).as("the replica's own limit still applies").isEqualTo(429);
            assertThat((System.nanoTime() - started) / 1_000_000).as("no long waits on a dead Redis").isLessThan(3_000);
            String metrics = a.send("GET", "/metrics", null).body();
            assertThat(HttpMetricsTest.value(metrics, "mcp_rate_limit_backend_errors_total"))
                    .as("address and principal checks of the 3 served requests, address check of the refused one")
                    .isEqualTo(7.0);
            assertThat(a.send("GET", "/ready", null).status()).isEqualTo(200);
        } finally {
            redis.close();
        }
    }

    @Test
    void startsAndServesWhenRedisIsDownFromTheBeginning() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HttpHarness a = HttpHarness.start(Map.of("REDIS_URL", "redis://127.0.0.1:" + closedPort))) {
            assertThat(a.open(TOKEN)).isNotEmpty();
            assertThat(HttpMetricsTest.value(a.send("GET", "/metrics", null).body(),
                    "mcp_rate_limit_backend_errors_total")).isGreaterThanOrEqualTo(2.0);
        }
    }

    @Test
    void redisUrlMustBeARedisUrl() {
        assertThat(HttpSettings.parse(Map.of("REDIS_URL", "redis://cache:6379/2"), new String[0]).redisUrl())
                .isEqualTo("redis://cache:6379/2");
        assertThat(HttpSettings.parse(Map.of(), new String[] {"--redis-url", "rediss://u:p@cache:6380"}).redisUrl())
                .isEqualTo("rediss://u:p@cache:6380");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpSettings.parse(Map.of("REDIS_URL", "cache:6379"),
                new String[0])).hasMessage("REDIS_URL must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379/0");
    }
}
