package com.sequentum.mcp.transport.http;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * The per-minute limit shared by every replica: one Bucket4j bucket per key in Redis (compare-and-swap, so concurrent
 * replicas never over-grant), same windows as the in-process limiter. When Redis cannot be reached the check
 * <em>fails open</em> to this replica's own in-process limiter (so a Redis outage degrades the limit to per-replica
 * instead of refusing traffic), logs a warning at most every 30 s and counts
 * {@code mcp_rate_limit_backend_errors_total}.
 */
final class RedisRateLimiter implements Limiter {
    private final RedisStore store;
    private final String namespace;
    private final int perMinute;
    private final RateLimiter fallback;
    private final ServerMetrics metrics;
    private final BucketConfiguration configuration;
    private volatile StatefulRedisConnection<String, byte[]> boundTo;
    private volatile ProxyManager<String> buckets;

    RedisRateLimiter(RedisStore store, String namespace, int perMinute, ServerMetrics metrics) {
        this.store = store;
        this.namespace = namespace;
        this.perMinute = perMinute;
        this.metrics = metrics;
        this.fallback = new RateLimiter(perMinute);
        this.configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public int perMinute() {
        return perMinute;
    }

    @Override
    public ConsumptionProbe consume(String key) {
        ProxyManager<String> pm = proxyManager();
        if (pm != null) {
            try {
                return pm.builder().build(RedisStore.PREFIX + "rl:" + namespace + ":" + perMinute + ":" + key,
                        () -> configuration).tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException e) {
                store.warn("Rate limiting falls back to this replica's own limits: Redis at " + store.display()
                        + " failed (" + e.getClass().getSimpleName() + ")");
            }
        }
        metrics.rateLimitBackendError();
        return fallback.consume(key);
    }

    private ProxyManager<String> proxyManager() {
        StatefulRedisConnection<String, byte[]> c = store.connection();
        if (c == null) return null;
        if (c != boundTo) {
            synchronized (this) {
                if (c != boundTo) {
                    buckets = Bucket4jLettuce.casBasedBuilder(c)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build();
                    boundTo = c;
                }
            }
        }
        return buckets;
    }

    @Override
    public void evictIdle() {
        fallback.evictIdle();
    }
}
