package com.sequentum.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One fault: which requests it matches (method + path regex), what it does, and for how long it applies
 * ({@link #times(int)} next matching requests, or each matching request with a {@link #probability(double)}).
 */
public final class FaultRule {
    /** What happens to a matching request (latency can be combined with any action). */
    public enum Action {
        /** Only the configured latency is added; the request is then served normally. */
        DELAY,
        /** Answer with the configured status, headers and body without executing the request. */
        STATUS,
        /** Execute the request, then send only the first half of the body (Content-Length matches the cut body). */
        TRUNCATE,
        /** Answer with an HTML body (status configurable, default 502) instead of JSON. */
        NON_JSON,
        /** Close the connection without sending any response. */
        DROP
    }

    private static final String ANY = "*";

    final String method;
    final Pattern path;
    final String pathRegex;
    Action action = Action.DELAY;
    long latencyMs;
    int status = 503;
    String body;
    String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    int remaining = -1;
    double probability = 1.0;
    int id;
    int hits;

    private FaultRule(String method, String pathRegex) {
        this.method = method == null || method.isBlank() ? ANY : method.toUpperCase(java.util.Locale.ROOT);
        this.pathRegex = pathRegex == null || pathRegex.isBlank() ? ".*" : pathRegex;
        this.path = Pattern.compile(this.pathRegex);
    }

    /** Matches requests with this method ({@code *} or null = any) whose path matches the regex entirely. */
    public static FaultRule on(String method, String pathRegex) { return new FaultRule(method, pathRegex); }

    public FaultRule latency(Duration d) { this.latencyMs = d.toMillis(); return this; }

    public FaultRule status(int code) { this.action = Action.STATUS; this.status = code; return this; }

    public FaultRule header(String name, String value) { headers.put(name, value); return this; }

    public FaultRule body(String b) { this.body = b; return this; }

    public FaultRule contentType(String ct) { this.contentType = ct; return this; }

    public FaultRule truncate() { this.action = Action.TRUNCATE; return this; }

    public FaultRule nonJson() { this.action = Action.NON_JSON; this.status = 502; return this; }

    public FaultRule nonJson(int code) { this.action = Action.NON_JSON; this.status = code; return this; }

    public FaultRule drop() { this.action = Action.DROP; return this; }

    /** Applies to the next {@code n} matching requests only. */
    public FaultRule times(int n) { this.remaining = n; return this; }

    /** Applies to each matching request with probability {@code p} (seeded). */
    public FaultRule probability(double p) { this.probability = p; return this; }

    public int id() { return id; }
    public Action action() { return action; }
    public int hits() { return hits; }

    boolean matches(String m, String p) {
        return (method.equals(ANY) || method.equals(m)) && path.matcher(p).matches();
    }

    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", id);
        d.put("method", method);
        d.put("pathRegex", pathRegex);
        d.put("action", action.name());
        d.put("latencyMs", latencyMs);
        d.put("status", status);
        d.put("headers", headers);
        d.put("body", body);
        d.put("remaining", remaining);
        d.put("probability", probability);
        d.put("hits", hits);
        return d;
    }
}
