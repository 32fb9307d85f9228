package com.sequentum.mcp.api;

/** No credentials are configured, so no request was sent. */
public final class AuthenticationError extends RuntimeException {
    public static final String NO_CREDENTIALS =
            "No authentication configured. Set either an API key or OAuth2 access token.";

    public AuthenticationError(String message) {
        super(message == null ? "No authentication configured" : message, null, false, false);
    }
}
