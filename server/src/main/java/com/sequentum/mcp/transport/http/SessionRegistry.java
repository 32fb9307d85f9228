package com.sequentum.mcp.transport.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions this server knows: id → owning principal, last use and requests in flight. The SDK keeps its own
 * session table; this one decides who may use an id, enforces {@code MAX_SESSIONS} (initialisations in progress
 * count) and finds idle sessions.
 */
final class SessionRegistry {

    static final class Session {
        final String principal;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile long lastUsedNanos = System.nanoTime();

        Session(String principal) {
            this.principal = principal;
        }
    }

    private final int max;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private int pending;

    SessionRegistry(int max) {
        this.max = max;
    }

    int max() {
        return max;
    }

    /** Reserves room for one new session; false at capacity. */
    synchronized boolean tryReserve() {
        if (sessions.size() + pending >= max) return false;
        pending++;
        return true;
    }

    /** Ends a reservation, registering the session when the SDK created one. */
    synchronized void complete(String id, String principal) {
        pending--;
        if (id != null) sessions.put(id, new Session(principal));
    }

    /** The session with that id if {@code principal} owns it, else null (foreign ids look unknown). */
    Session find(String id, String principal) {
        Session s = sessions.get(id);
        return s != null && s.principal.equals(principal) ? s : null;
    }

    synchronized Session remove(String id) {
        return sessions.remove(id);
    }

    /** Removes and returns the ids of sessions unused for longer than {@code idleNanos} with no request running. */
    synchronized List<String> removeIdle(long idleNanos) {
        long now = System.nanoTime();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            Session s = e.getValue();
            if (s.inFlight.get() == 0 && now - s.lastUsedNanos > idleNanos) out.add(e.getKey());
        }
        out.forEach(sessions::remove);
        return out;
    }

    synchronized List<String> removeAll() {
        List<String> ids = new ArrayList<>(sessions.keySet());
        sessions.clear();
        return ids;
    }

    int size() {
        return sessions.size();
    }

    synchronized int pending() {
        return pending;
    }
}
