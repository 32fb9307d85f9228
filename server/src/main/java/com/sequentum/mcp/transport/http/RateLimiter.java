package com.sequentum.mcp.transport.http;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed one-minute windows per key (Bucket4j, interval refill); idle keys are forgotten by {@link #evictIdle}. */
final class RateLimiter implements Limiter {
    private final int perMinute;
    private final ConcurrentHashMap<String, Entry> buckets = new ConcurrentHashMap<>();

    private static final class Entry {
        final Bucket bucket;
        volatile long lastUsedNanos = System.nanoTime();

        Entry(int perMinute) {
            bucket = Bucket.builder()
                    .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                    .build();
        }
    }

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    public int perMinute() {
        return perMinute;
    }

    @Override
    public ConsumptionProbe consume(String key) {
        Entry e = buckets.computeIfAbsent(key, k -> new Entry(perMinute));
        e.lastUsedNanos = System.nanoTime();
        return e.bucket.tryConsumeAndReturnRemaining(1);
    }

    /** Drops keys unused for over two windows (their buckets would be full again anyway). */
    @Override
    public void evictIdle() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(2).toNanos();
        buckets.values().removeIf(e -> e.lastUsedNanos - cutoff < 0);
    }

    int size() {
        return buckets.size();
    }
}
