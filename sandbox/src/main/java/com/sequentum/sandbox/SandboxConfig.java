package com.sequentum.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Immutable sandbox configuration. Use {@link #defaults()} and the {@code with*} methods.
 *
 * @param host           interface to bind (default 127.0.0.1)
 * @param port           TCP port; 0 picks an ephemeral port
 * @param apiKey         key accepted as {@code Authorization: ApiKey <key>}
 * @param seed           seed of all generated data and random choices
 * @param timeScale      speed of simulated time; 1.0 = a run takes 5-30 s, 1000.0 = 5-30 ms
 * @param anchor         "now" used to generate the seeded history; null = real clock at start
 * @param accessTokenTtl lifetime of OAuth access tokens
 */
public record SandboxConfig(String host, int port, String apiKey, long seed, double timeScale,
                            Instant anchor, Duration accessTokenTtl) {

    public static final long DEFAULT_SEED = 20240601L;

    public SandboxConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (!(timeScale > 0)) throw new IllegalArgumentException("timeScale must be > 0");
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig("127.0.0.1", 8081, "sk-sandbox", DEFAULT_SEED, 1.0, null, Duration.ofHours(1));
    }

    public SandboxConfig withHost(String h) { return new SandboxConfig(h, port, apiKey, seed, timeScale, anchor, accessTokenTtl); }
    public SandboxConfig withPort(int p) { return new SandboxConfig(host, p, apiKey, seed, timeScale, anchor, accessTokenTtl); }
    public SandboxConfig withApiKey(String k) { return new SandboxConfig(host, port, k, seed, timeScale, anchor, accessTokenTtl); }
    public SandboxConfig withSeed(long s) { return new SandboxConfig(host, port, apiKey, s, timeScale, anchor, accessTokenTtl); }
    public SandboxConfig withTimeScale(double t) { return new SandboxConfig(host, port, apiKey, seed, t, anchor, accessTokenTtl); }
    /** Fixes the instant the seeded 60-day history is generated relative to (useful for determinism tests). */
    public SandboxConfig withAnchor(Instant a) { return new SandboxConfig(host, port, apiKey, seed, timeScale, a, accessTokenTtl); }
    public SandboxConfig withAccessTokenTtl(Duration d) { return new SandboxConfig(host, port, apiKey, seed, timeScale, anchor, d); }
}
