package com.sequentum.mcp.api;

import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying an upstream call: statuses 429/502/503/504 and timeouts,
 * never for POST, at most {@code maxRetries} times; delay = positive Retry-After (capped), else
 * {@code base * 2^attempt * U(0.75, 1.25)} capped at {@code maxDelay}.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, DoubleSupplier jitter) {

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5);
    }

    public RetryPolicy withMaxRetries(int n) { return new RetryPolicy(n, baseDelay, maxDelay, jitter); }

    public boolean retriesMethod(String method) { return !"POST".equalsIgnoreCase(method); }

    public boolean retriesStatus(int status) { return RETRYABLE.contains(status); }

    /** Delay before retry number {@code attempt} (0-based). */
    public Duration delay(int attempt, Double retryAfterSeconds) {
        long cap = maxDelay.toMillis();
        if (retryAfterSeconds != null && retryAfterSeconds > 0) {
            return Duration.ofMillis(Math.min(Math.round(retryAfterSeconds * 1000), cap));
        }
        double factor = 0.75 + 0.5 * jitter.getAsDouble();
        double ms = baseDelay.toMillis() * Math.pow(2, attempt) * factor;
        return Duration.ofMillis(Math.min(Math.round(ms), cap));
    }
}
