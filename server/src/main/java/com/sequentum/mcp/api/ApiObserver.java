package com.sequentum.mcp.api;

/**
 * Watches the API client's traffic for metrics. Implementations receive only bounded values (status codes and fixed
 * reason words), never endpoints, ids, bodies or credentials, and must not throw.
 */
public interface ApiObserver {
    ApiObserver NONE = new ApiObserver() {};

    /** One HTTP answer from the API (any status, including the ones that will be retried). */
    default void response(int status) {}

    /** A retry is about to happen; {@code reason} is {@code rate_limited}, {@code server_error} or {@code timeout}. */
    default void retry(String reason) {}

    /** An attempt got no HTTP answer; {@code kind} is {@code timeout} or {@code network}. */
    default void failure(String kind) {}
}
