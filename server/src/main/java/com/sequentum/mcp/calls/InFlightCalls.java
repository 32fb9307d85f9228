package com.sequentum.mcp.calls;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK ignores {@code notifications/cancelled}, so the transports do it: when a {@code tools/call} arrives they
 * write a call key (transport scope + JSON-RPC id) into the request's {@code _meta} under {@link #META_KEY} and
 * {@link #announce} it; a later cancellation for that id {@link #cancel}s it; the tool handler looks its
 * {@link Cancellation} up by the key. Entries are removed when the call finishes; announced calls that never ran
 * (e.g. rejected by the SDK) expire after ten minutes.
 */
public final class InFlightCalls {
    /** {@code _meta} member carrying the call key; whatever a client puts there is overwritten. */
    public static final String META_KEY = "io.sequentum.mcp/call";
    private static final long EXPIRY_NANOS = 10L * 60 * 1_000_000_000L;

    private record Entry(Cancellation cancellation, long announcedAt) {}

    private static final Map<String, Entry> CALLS = new ConcurrentHashMap<>();

    private InFlightCalls() {}

    public static String key(String scope, JsonNode requestId) {
        return scope + "#" + requestId.toString();
    }

    /** A transport saw a tools/call with this key. */
    public static void announce(String key) {
        long now = System.nanoTime();
        CALLS.values().removeIf(e -> now - e.announcedAt() > EXPIRY_NANOS);
        CALLS.put(key, new Entry(new Cancellation(), now));
    }

    /** A transport saw {@code notifications/cancelled} for this key; true when a call was waiting for it. */
    public static boolean cancel(String key) {
        Entry e = CALLS.get(key);
        if (e == null) return false;
        e.cancellation().cancel();
        return true;
    }

    /** The handler's flag for its key (a fresh, never-cancelled one when the key is unknown or null). */
    public static Cancellation begin(String key) {
        if (key == null) return new Cancellation();
        return CALLS.computeIfAbsent(key, k -> new Entry(new Cancellation(), System.nanoTime())).cancellation();
    }

    public static void finish(String key) {
        if (key != null) CALLS.remove(key);
    }

    static int size() { return CALLS.size(); }
}
