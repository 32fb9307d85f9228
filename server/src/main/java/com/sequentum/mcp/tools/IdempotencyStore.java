package com.sequentum.mcp.tools;

import java.util.function.Supplier;

/**
 * Where {@code idempotencyKey}s of {@code start_agent} and {@code run_space_agents} are remembered: in process
 * ({@link IdempotencyCache}) or, with {@code REDIS_URL}, shared by every replica. Keys belong to one principal and
 * last {@link IdempotencyCache#TTL}.
 */
public interface IdempotencyStore {
    /** How every refusal because the store could not be consulted begins (nothing was started). */
    String UNAVAILABLE_PREFIX = "Error: Nothing was started: the idempotency store";

    /**
     * Runs {@code call} unless {@code principal} already used {@code key}: then the first result (with a note), or a
     * refusal when the key was used for another request ({@code fingerprint} differs). Never runs {@code call} when
     * it cannot rule out that the key was used already.
     */
    ToolResult run(String principal, String key, String fingerprint, Supplier<ToolResult> call);
}
