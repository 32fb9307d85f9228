package com.sequentum.mcp.api;

/** HTTP 429 from the Sequentum API, with the parsed {@code Retry-After} (seconds) when there was one. */
public final class RateLimitError extends ApiRequestError {
    private final Double retryAfterSeconds;

    public RateLimitError(String message, String endpoint, Double retryAfterSeconds) {
        super(429, "Too Many Requests", message, endpoint);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds to wait as the API asked, or {@code null} when it did not say. */
    public Double retryAfterSeconds() { return retryAfterSeconds; }
}
