package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.tools.IdempotencyStore;
import com.sequentum.mcp.tools.ToolResult;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency keys shared by replicas through a real {@code redis-server}; skipped where Redis is not installed. */
class RedisIdempotencyStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T14:30:00Z"), ZoneOffset.UTC);
    static final String NOTE = "\n\nNote: idempotencyKey \"k\" was already used at 2026-03-15T14:30:00Z; this is the "
            + "result of that earlier call. Nothing new was started.";

    private LocalRedis redis;
    private RedisStore storeA;
    private RedisStore storeB;
    private final ServerMetrics metricsA = new ServerMetrics();
    private final ServerMetrics metricsB = new ServerMetrics();
    private final AtomicInteger starts = new AtomicInteger();

    @BeforeEach
    void startRedis() throws Exception {
        redis = LocalRedis.start();
        storeA = new RedisStore(redis.url());
        storeB = new RedisStore(redis.url());
        storeA.connection(); // as McpHttpServer does at start-up
        storeB.connection();
    }

    @AfterEach
    void stop() throws Exception {
        if (storeA != null) storeA.close();
        if (storeB != null) storeB.close();
        if (redis != null) redis.close();
    }

    /** One replica's store; polls every 10 ms so the waiting tests stay fast. */
    private RedisIdempotencyStore replica(RedisStore store, ServerMetrics metrics, Duration pendingTtl) {
        return new RedisIdempotencyStore(store, metrics, CLOCK, Duration.ofMinutes(15), pendingTtl,
                Duration.ofMillis(10));
    }

    private RedisIdempotencyStore replicaA() {
        return replica(storeA, metricsA, Duration.ofMinutes(5));
    }

    private RedisIdempotencyStore replicaB() {
        return replica(storeB, metricsB, Duration.ofMinutes(5));
    }

    private ToolResult start() {
        int n = starts.incrementAndGet();
        return ToolResult.json("Run started: ", ToolResult.fields("runId", n));
    }

    @Test
    void aKeyUsedOnOneReplicaIsAnsweredFromRedisOnAnother() {
        ToolResult first = replicaA().run("alice", "k", "fp", this::start);
        ToolResult second = replicaB().run("alice", "k", "fp", this::start);
        assertThat(first.text()).isEqualTo("Run started: {\n  \"runId\": 1\n}");
        assertThat(second.text()).isEqualTo(first.text() + NOTE);
        assertThat(second.isError()).isFalse();
        assertThat(second.structured().toString()).isEqualTo("{\"runId\":1}");
        assertThat(second.value().toString()).isEqualTo("{\"runId\":1}");
        assertThat(second.prefix()).isEqualTo("Run started: ");
        assertThat(starts).hasValue(1);
    }

    @Test
    void keysBelongToOnePrincipalAndOneRequest() {
        replicaA().run("alice", "k", "fp", this::start);
        assertThat(replicaB().run("bob", "k", "fp", this::start).text()).isEqualTo("Run started: {\n  \"runId\": 2\n}");
        ToolResult other = replicaB().run("alice", "k", "other-arguments", this::start);
        assertThat(other.isError()).isTrue();
        assertThat(other.text()).isEqualTo("Error: idempotencyKey \"k\" was already used for a different request "
                + "(another tool or other arguments) in the last 15 minutes. Use a new key for a new request.");
        assertThat(starts).hasValue(2);
    }

    @Test
    void theResultIsKeptFifteenMinutesUnderAHashedName() throws Exception {
        replicaA().run("alice", "my-key", "fp", this::start);
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<String> keys = c.sync().keys("*");
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0)).matches("sequentum-mcp:idem:[0-9a-f]{64}");
            assertThat(c.sync().pttl(keys.get(0))).isBetween(Duration.ofMinutes(15).toMillis() - 5_000,
                    Duration.ofMinutes(15).toMillis());
            assertThat(c.sync().get(keys.get(0))).contains("\"state\":\"done\"").doesNotContain("alice", "my-key");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aDuplicateArrivingWhileTheFirstRunsWaitsForItsResult() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ToolResult> first = pool.submit(() -> replicaA().run("alice", "k", "fp", () -> {
                inCall.countDown();
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return start();
            }));
            assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ToolResult> second = pool.submit(() -> replicaB().run("alice", "k", "fp", this::start));
            Thread.sleep(100); // the duplicate is now polling a pending reservation
            assertThat(second.isDone()).as("waits for the first call").isFalse();
            finish.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("Run started: {\n  \"runId\": 1\n}");
            assertThat(second.get(10, TimeUnit.SECONDS).text()).isEqualTo("Run started: {\n  \"runId\": 1\n}" + NOTE);
            assertThat(starts).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentDuplicatesOnManyReplicasStartOneRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ToolResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RedisIdempotencyStore s = i % 2 == 0 ? replicaA() : replicaB();
                results.add(pool.submit(() -> {
                    go.await();
                    return s.run("alice", "k", "fp", () -> {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return start();
                    });
                }));
            }
            go.countDown();
            int replays = 0;
            for (Future<ToolResult> f : results) {
                ToolResult r = f.get(10, TimeUnit.SECONDS);
                assertThat(r.text()).startsWith("Run started: {\n  \"runId\": 1\n}");
                if (r.text().endsWith(NOTE)) replays++;
            }
            assertThat(starts).hasValue(1);
            assertThat(replays).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedFirstCallReleasesTheKeySoARetryReallyRetries() {
        ToolResult failed = replicaA().run("alice", "k", "fp", () -> ToolResult.error("Error: upstream said no"));
        assertThat(failed.text()).isEqualTo("Error: upstream said no");
        assertThat(replicaB().run("alice", "k", "fp", this::start).text()).isEqualTo("Run started: {\n  \"runId\": 1\n}");
    }

    @Test
    void aReservationLeftByADeadReplicaIsWaitedForThenRefusedUntilItExpires() throws Exception {
        // a replica reserved the key and was killed inside the call: its pending entry outlives it
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().set("sequentum-mcp:idem:" + sha("alice\u0000k"), "{\"state\":\"pending\",\"owner\":\"dead\","
                    + "\"fingerprint\":\"fp\",\"created\":\"2026-03-15T14:30:00Z\"}",
                    io.lettuce.core.SetArgs.Builder.px(400));
        } finally {
            client.shutdown();
        }
        ToolResult waited = replica(storeB, metricsB, Duration.ofMillis(100)).run("alice", "k", "fp", this::start);
        assertThat(waited.text()).isEqualTo("Error: Nothing was started: an earlier call with idempotencyKey \"k\" is "
                + "still running. Retry later with the same key to get its result.");
        assertThat(starts).hasValue(0);
        // a duplicate that waits long enough sees the reservation expire and starts the run itself
        ToolResult later = replica(storeB, metricsB, Duration.ofSeconds(5)).run("alice", "k", "fp", this::start);
        assertThat(later.text()).isEqualTo("Run started: {\n  \"runId\": 1\n}");
        assertThat(HttpMetricsTest.value(metricsB.scrape(), "mcp_idempotency_backend_errors_total")).isEqualTo(0.0);
    }

    @Test
    void aThrowingCallReleasesTheKey() {
        try {
            replicaA().run("alice", "k", "fp", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("boom");
        }
        assertThat(replicaB().run("alice", "k", "fp", this::start).text()).isEqualTo("Run started: {\n  \"runId\": 1\n}");
    }

    @Test
    void redisDownRefusesTheStartWithARetryMessageAndAMetric() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RedisStore dead = new RedisStore("redis://127.0.0.1:" + closedPort + "/0")) {
            ServerMetrics metrics = new ServerMetrics();
            ToolResult r = replica(dead, metrics, Duration.ofMinutes(5)).run("alice", "k", "fp", this::start);
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).isEqualTo(IdempotencyStore.UNAVAILABLE_PREFIX + " (Redis) shared by the server's "
                    + "replicas cannot be reached, so a duplicate run could not be ruled out. Retry in a few seconds "
                    + "with the same idempotencyKey.");
            assertThat(starts).hasValue(0);
            assertThat(HttpMetricsTest.value(metrics.scrape(), "mcp_idempotency_backend_errors_total")).isEqualTo(1.0);
        }
    }

    @Test
    void redisGoingAwayAfterAStartRefusesTheDuplicate() throws Exception {
        RedisIdempotencyStore a = replicaA();
        a.run("alice", "k", "fp", this::start);
        redis.close();
        long started = System.nanoTime();
        ToolResult r = replicaB().run("alice", "k", "fp", this::start);
        assertThat(r.text()).startsWith(IdempotencyStore.UNAVAILABLE_PREFIX);
        assertThat((System.nanoTime() - started) / 1_000_000).as("fails fast").isLessThan(3_000);
        assertThat(starts).hasValue(1);
        assertThat(HttpMetricsTest.value(metricsB.scrape(), "mcp_idempotency_backend_errors_total")).isEqualTo(1.0);
    }

    static String sha(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
