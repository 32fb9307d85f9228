package com.sequentum.mcp.api;

/**
 * What the server authenticates to the Sequentum API with: an API key (stdio) or the MCP client's
 * OAuth access token (HTTP). A token wins over a key. {@link #toString()} never shows either.
 */
public record Credentials(String apiKey, String accessToken) {

    public static Credentials apiKey(String key) { return new Credentials(key, null); }
    public static Credentials bearer(String token) { return new Credentials(null, token); }
    public static Credentials none() { return new Credentials(null, null); }

    /** The {@code Authorization} header value, or throws {@link AuthenticationError} when there is nothing to send. */
    public String authorizationHeader() {
        if (accessToken != null && !accessToken.isEmpty()) return "Bearer " + accessToken;
        if (apiKey != null && !apiKey.isEmpty()) return "ApiKey " + apiKey;
        throw new AuthenticationError(AuthenticationError.NO_CREDENTIALS);
    }

    @Override
    public String toString() {
        return "Credentials[" + (accessToken != null ? "bearer" : apiKey != null ? "apiKey" : "none") + "]";
    }
}
