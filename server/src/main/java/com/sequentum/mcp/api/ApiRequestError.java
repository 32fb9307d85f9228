package com.sequentum.mcp.api;

/**
 * A non-2xx answer from the Sequentum API. The message is the one derived from the response body
 * (see {@link ErrorMessages}); {@link #endpoint()} is the path and query that was requested.
 */
public class ApiRequestError extends RuntimeException {
    private final int statusCode;
    private final String statusText;
    private final String endpoint;

    public ApiRequestError(int statusCode, String statusText, String message, String endpoint) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.statusText = statusText;
        this.endpoint = endpoint;
    }

    public int statusCode() { return statusCode; }
    public String statusText() { return statusText; }
    public String endpoint() { return endpoint; }

    public boolean isUnauthorized() { return statusCode == 401; }
    public boolean isForbidden() { return statusCode == 403; }
    public boolean isNotFound() { return statusCode == 404; }
    public boolean isRateLimited() { return statusCode == 429; }
    public boolean isServerError() { return statusCode >= 500 && statusCode <= 599; }
}
