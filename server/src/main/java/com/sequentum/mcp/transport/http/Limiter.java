package com.sequentum.mcp.transport.http;

import io.github.bucket4j.ConsumptionProbe;

/** A requests-per-minute limit per key: in process ({@link RateLimiter}) or shared in Redis ({@link RedisRateLimiter}). */
interface Limiter {
    int perMinute();

    /** Takes one token for {@code key}; the probe says whether it was granted and when the window resets. */
    ConsumptionProbe consume(String key);

    /** Forgets idle keys (in process); a no-op where the store expires them itself. */
    default void evictIdle() {}
}
