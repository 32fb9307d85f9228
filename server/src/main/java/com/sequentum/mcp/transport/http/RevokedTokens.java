package com.sequentum.mcp.transport.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hashes of tokens the Sequentum API has rejected, remembered for a bounded time (and count) so the next request
 * with such a token is answered 401 {@code invalid_token} and the client refreshes or re-authorises.
 */
final class RevokedTokens {
    static final int MAX_ENTRIES = 10_000;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Long> hashes = new ConcurrentHashMap<>();

    RevokedTokens(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    void revoke(String tokenHash) {
        if (hashes.size() >= MAX_ENTRIES) evictExpired();
        if (hashes.size() >= MAX_ENTRIES) {
            // Still full: forget the oldest entry rather than grow without bound.
            hashes.entrySet().stream().min(java.util.Map.Entry.comparingByValue())
                    .ifPresent(e -> hashes.remove(e.getKey(), e.getValue()));
        }
        hashes.put(tokenHash, System.nanoTime() + ttlNanos);
    }

    boolean isRevoked(String tokenHash) {
        Long until = hashes.get(tokenHash);
        if (until == null) return false;
        if (until - System.nanoTime() < 0) {
            hashes.remove(tokenHash, until);
            return false;
        }
        return true;
    }

    void evictExpired() {
        long now = System.nanoTime();
        hashes.entrySet().removeIf(e -> e.getValue() - now < 0);
    }

    int size() {
        return hashes.size();
    }
}
