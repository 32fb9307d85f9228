package com.sequentum.mcp.api;

import java.time.Duration;

/** One attempt took longer than the configured per-attempt timeout. */
public final class ApiTimeoutError extends RuntimeException {
    public ApiTimeoutError(Duration timeout, String endpoint) {
        super("Request timeout after " + timeout.toMillis() + "ms: " + endpoint, null, false, false);
    }
}
