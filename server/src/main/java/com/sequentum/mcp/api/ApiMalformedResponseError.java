package com.sequentum.mcp.api;

/** A 2xx answer that claimed to be JSON but was not parseable. */
public final class ApiMalformedResponseError extends RuntimeException {
    public ApiMalformedResponseError(String endpoint, String what) {
        super("The Sequentum API returned " + what + " instead of JSON for " + endpoint, null, false, false);
    }
}
