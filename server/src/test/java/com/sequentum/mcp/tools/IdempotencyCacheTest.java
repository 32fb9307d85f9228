package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyCacheTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-15T14:30:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger starts = new AtomicInteger();

    private ToolResult start() {
        return ToolResult.text("run " + starts.incrementAndGet());
    }

    @Test
    void aRepeatedKeyGetsTheFirstResultAndANote() {
        IdempotencyCache cache = new IdempotencyCache(clock);
        assertThat(cache.run("alice", "k", "fp", this::start).text()).isEqualTo("run 1");
        ToolResult again = cache.run("alice", "k", "fp", this::start);
        assertThat(again.text()).isEqualTo("run 1\n\nNote: idempotencyKey \"k\" was already used at "
                + "2026-03-15T14:30:00Z; this is the result of that earlier call. Nothing new was started.");
        assertThat(again.isError()).isFalse();
        assertThat(starts).hasValue(1);
    }

    @Test
    void keysBelongToOnePrincipal() {
        IdempotencyCache cache = new IdempotencyCache(clock);
        cache.run("alice", "k", "fp", this::start);
        assertThat(cache.run("bob", "k", "fp", this::start).text()).isEqualTo("run 2");
    }

    @Test
    void keysExpireAfterFifteenMinutes() {
        IdempotencyCache cache = new IdempotencyCache(clock);
        cache.run("alice", "k", "fp", this::start);
        clock.now = clock.now.plus(Duration.ofMinutes(15)).minusSeconds(1);
        assertThat(cache.run("alice", "k", "fp", this::start).text()).startsWith("run 1\n\nNote:");
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.run("alice", "k", "fp", this::start).text()).isEqualTo("run 2");
    }

    @Test
    void failedCallsAreNotRemembered() {
        IdempotencyCache cache = new IdempotencyCache(clock);
        assertThat(cache.run("alice", "k", "fp", () -> ToolResult.error("Server Error: boom")).isError()).isTrue();
        assertThat(cache.run("alice", "k", "fp", this::start).text()).isEqualTo("run 1");
    }

    @Test
    void memoryIsBoundedLeastRecentlyUsedFirst() {
        IdempotencyCache cache = new IdempotencyCache(clock, IdempotencyCache.TTL, 3);
        for (String k : new String[] {"a", "b", "c"}) cache.run("p", k, "fp", this::start);
        cache.run("p", "a", "fp", this::start); // touch a: b is now the eldest
        cache.run("p", "d", "fp", this::start);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.run("p", "b", "fp", this::start).text()).isEqualTo("run 5");
        assertThat(cache.run("p", "a", "fp", this::start).text()).startsWith("run 1\n\nNote:");
        assertThat(new IdempotencyCache(clock).size()).isZero();
        assertThat(IdempotencyCache.MAX_ENTRIES).isEqualTo(10_000);
    }

    @Test
    void concurrentDuplicatesStartOnce() throws Exception {
        IdempotencyCache cache = new IdempotencyCache(clock);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<ToolResult> first = pool.submit(() -> cache.run("alice", "k", "fp", () -> {
                inside.countDown();
                await(release);
                return start();
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            java.util.List<Future<ToolResult>> dups = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) dups.add(pool.submit(() -> cache.run("alice", "k", "fp", this::start)));
            Thread.sleep(50); // let the duplicates reach the in-flight future
            assertThat(dups).noneMatch(Future::isDone);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).text()).isEqualTo("run 1");
            for (Future<ToolResult> d : dups) assertThat(d.get(5, TimeUnit.SECONDS).text()).startsWith("run 1\n\nNote:");
            assertThat(starts).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
