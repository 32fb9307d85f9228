package com.sequentum.mcp.tools;

import com.sequentum.mcp.api.ApiMalformedResponseError;
import com.sequentum.mcp.api.ApiNetworkError;
import com.sequentum.mcp.api.ApiRequestError;
import com.sequentum.mcp.api.ApiTimeoutError;
import com.sequentum.mcp.api.AuthenticationError;
import com.sequentum.mcp.api.RateLimitError;
import com.sequentum.mcp.json.JsJson;
import com.sequentum.mcp.validation.InvalidArgumentException;

/** Turns any failure into the text of an {@code isError} tool result, with the reference's prefixes. */
public final class ToolErrors {
    public static final String UNKNOWN = "Error: An unknown error occurred";

    private ToolErrors() {}

    public static String format(Throwable t) {
        if (t instanceof RateLimitError r) {
            Double s = r.retryAfterSeconds();
            return s != null && s != 0
                    ? "Rate Limited: The Sequentum API rate limit has been reached. Try again in " + JsJson.number(s) + " seconds."
                    : "Rate Limited: The Sequentum API rate limit has been reached. Please wait a moment before retrying.";
        }
        if (t instanceof AuthenticationError) return "Authentication Error: " + t.getMessage();
        if (t instanceof ApiRequestError e) {
            if (e.isUnauthorized()) {
                return "Authentication Failed: Your API key or OAuth token is invalid or has expired. Please check your credentials.";
            }
            if (e.isForbidden()) {
                return "Access Denied: You don't have permission to perform this action. Check your API key permissions.";
            }
            if (e.isNotFound()) return "Not Found: " + e.getMessage();
            if (e.isServerError()) {
                return "Server Error: The Sequentum API encountered an internal error (" + e.statusCode()
                        + "). This is a server-side issue \u2014 please try again later.";
            }
            return "API Error (" + e.statusCode() + "): " + e.getMessage();
        }
        if (t instanceof InvalidArgumentException || t instanceof ApiTimeoutError || t instanceof ApiNetworkError
                || t instanceof ApiMalformedResponseError || t instanceof ToolFailure) {
            return "Error: " + t.getMessage();
        }
        return UNKNOWN;
    }
}
