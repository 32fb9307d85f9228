package com.sequentum.mcp.api;

/** The API could not be reached (connection refused, reset, DNS failure...). Never retried. */
public final class ApiNetworkError extends RuntimeException {
    public ApiNetworkError(String message) {
        super(message, null, false, false);
    }
}
