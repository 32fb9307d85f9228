package com.sequentum.mcp.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Remembers the results of {@code start_agent} and {@code run_space_agents} by {@code idempotencyKey}, per principal,
 * for {@link #TTL}; at most {@link #MAX_ENTRIES} keys (least recently used go first). A repeated key gets the first
 * call's result plus a note instead of a second paid run; a duplicate arriving while the first call is still running
 * waits for it (one future per key). Failed calls are not remembered, so a retry after an error really retries.
 */
public final class IdempotencyCache implements IdempotencyStore {
    public static final Duration TTL = Duration.ofMinutes(15);
    public static final int MAX_ENTRIES = 10_000;
    public static final String FIELD = "idempotencyKey";
    public static final int KEY_MAX = 128;

    private record Entry(String fingerprint, CompletableFuture<ToolResult> result, Instant created) {}

    private final Clock clock;
    private final Duration ttl;
    private final int max;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    public IdempotencyCache(Clock clock) {
        this(clock, TTL, MAX_ENTRIES);
    }

    public IdempotencyCache(Clock clock, Duration ttl, int max) {
        this.clock = clock;
        this.ttl = ttl;
        this.max = max;
    }

    /**
     * Runs {@code call} unless {@code principal} already used {@code key}; {@code fingerprint} identifies the request
     * (tool and arguments) so that a key reused for a different request is refused rather than answered wrongly.
     */
    @Override
    public ToolResult run(String principal, String key, String fingerprint, Supplier<ToolResult> call) {
        String k = principal + "\u0000" + key;
        Entry mine = null;
        Entry earlier;
        synchronized (this) {
            Instant now = clock.instant();
            earlier = entries.get(k);
            if (earlier != null && expired(earlier, now)) {
                entries.remove(k);
                earlier = null;
            }
            if (earlier == null) {
                mine = new Entry(fingerprint, new CompletableFuture<>(), now);
                entries.put(k, mine);
                trim(now);
            }
        }
        if (earlier != null) return replay(key, fingerprint, earlier);
        ToolResult result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            forget(k, mine);
            mine.result().completeExceptionally(e);
            throw e;
        }
        if (result.isError()) forget(k, mine);
        mine.result().complete(result);
        return result;
    }

    private ToolResult replay(String key, String fingerprint, Entry earlier) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            return ToolResult.error("Error: idempotencyKey \"" + key + "\" was already used for a different request "
                    + "(another tool or other arguments) in the last " + ttl.toMinutes() + " minutes. Use a new key "
                    + "for a new request.");
        }
        ToolResult first;
        try {
            first = earlier.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("Error: The call was interrupted");
        } catch (ExecutionException e) {
            return ToolResult.error("Error: the earlier call with idempotencyKey \"" + key + "\" failed; nothing was "
                    + "started by this call. Retry with the same key.");
        }
        if (first.isError()) return first;
        return first.withText(first.text() + "\n\nNote: idempotencyKey \"" + key + "\" was already used at "
                + earlier.created() + "; this is the result of that earlier call. Nothing new was started.");
    }

    private synchronized void forget(String k, Entry e) {
        entries.remove(k, e);
    }

    private boolean expired(Entry e, Instant now) {
        return e.result().isDone() && !e.created().plus(ttl).isAfter(now);
    }

    private void trim(Instant now) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (entries.size() > max || expired(e.getValue(), now)) it.remove();
            else if (entries.size() <= max) break;
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
