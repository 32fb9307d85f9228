package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Registry of active {@link FaultRule}s; the first matching rule applies to a request. */
public final class FaultInjector {
    private final List<FaultRule> rules = new ArrayList<>();
    private final Random random;
    private int nextId = 1;

    FaultInjector(long seed) {
        this.random = new Random(seed ^ 0xFA17L);
    }

    public synchronized FaultRule add(FaultRule rule) {
        rule.id = nextId++;
        rules.add(rule);
        return rule;
    }

    public synchronized boolean remove(int id) {
        return rules.removeIf(r -> r.id == id);
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized List<Map<String, Object>> describe() {
        return rules.stream().map(FaultRule::describe).toList();
    }

    /** Consumes and returns the fault for this request, or null. Requests under {@code /__sandbox/} are never faulted. */
    public synchronized FaultRule match(String method, String path) {
        if (path.startsWith("/__sandbox/")) return null;
        for (Iterator<FaultRule> it = rules.iterator(); it.hasNext(); ) {
            FaultRule r = it.next();
            if (!r.matches(method, path)) continue;
            if (r.probability < 1.0 && random.nextDouble() >= r.probability) continue;
            r.hits++;
            if (r.remaining > 0 && --r.remaining == 0) it.remove();
            return r;
        }
        return null;
    }

    /** Builds a rule from the admin JSON form (see {@code POST /__sandbox/faults}). */
    static FaultRule fromJson(JsonNode n) {
        FaultRule r = FaultRule.on(text(n, "method"), text(n, "pathRegex", text(n, "path")));
        if (n.hasNonNull("latencyMs")) r.latency(Duration.ofMillis(n.get("latencyMs").asLong()));
        String action = text(n, "action");
        int status = n.hasNonNull("status") ? n.get("status").asInt() : -1;
        if (action == null) action = status > 0 ? "status" : "delay";
        switch (action.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "status" -> r.status(status > 0 ? status : 503);
            case "truncate", "truncated" -> r.truncate();
            case "nonjson", "html" -> r.nonJson(status > 0 ? status : 502);
            case "drop", "close" -> r.drop();
            case "delay", "latency" -> { }
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
        if (n.has("headers") && n.get("headers").isObject()) {
            n.get("headers").fields().forEachRemaining(e -> r.header(e.getKey(), e.getValue().asText()));
        }
        if (n.hasNonNull("body")) r.body(n.get("body").isTextual() ? n.get("body").asText() : n.get("body").toString());
        if (n.hasNonNull("contentType")) r.contentType(n.get("contentType").asText());
        if (n.hasNonNull("times")) r.times(n.get("times").asInt());
        if (n.hasNonNull("probability")) r.probability(n.get("probability").asDouble());
        return r;
    }

    private static String text(JsonNode n, String f) { return text(n, f, null); }

    private static String text(JsonNode n, String f, String def) {
        return n.hasNonNull(f) ? n.get(f).asText() : def;
    }
}
