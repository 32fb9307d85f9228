package com.sequentum.mcp.transport.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The browser-origin allowlist (spec §5.1): built-in exact origins, subdomain patterns for Claude and ChatGPT,
 * loopback origins only in DEBUG, every {@code ALLOWED_ORIGINS} entry, and the server's own public origin.
 * Matching is exact and case-sensitive; {@code null} (the literal {@code Origin: null}) is never allowed.
 */
public final class CorsPolicy {
    public static final List<String> DEFAULT_ORIGINS = List.of(
            "https://claude.ai", "https://claude.com", "https://chatgpt.com", "https://platform.openai.com",
            "https://dashboard.sequentum.com", "https://mcp.sequentum.com");
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("https://(?:[a-z0-9-]+\\.)+claude\\.(?:ai|com)"),
            Pattern.compile("https://(?:[a-z0-9-]+\\.)+chatgpt\\.com"));
    private static final List<Pattern> DEBUG_PATTERNS = List.of(
            Pattern.compile("http://localhost(?::\\d+)?"),
            Pattern.compile("http://127\\.0\\.0\\.1(?::\\d+)?"),
            Pattern.compile("http://\\[::1\\](?::\\d+)?"));

    public static final String ALLOW_METHODS = "GET, POST, DELETE, OPTIONS";
    public static final String ALLOW_HEADERS =
            "Content-Type, Accept, Authorization, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID";
    public static final String EXPOSE_HEADERS = "Mcp-Session-Id, Mcp-Protocol-Version, WWW-Authenticate, Retry-After, "
            + "RateLimit-Policy, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";

    private final Set<String> exact;
    private final boolean debug;

    public CorsPolicy(List<String> extraOrigins, boolean debug) {
        Set<String> s = new LinkedHashSet<>(DEFAULT_ORIGINS);
        s.addAll(extraOrigins);
        this.exact = Set.copyOf(s);
        this.debug = debug;
    }

    /** Splits {@code ALLOWED_ORIGINS}: comma-separated, each entry trimmed, empty entries dropped. */
    public static List<String> parseAllowedOrigins(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        for (String part : raw.split(",")) {
            String t = part.trim();
            if (!t.isEmpty() && !out.contains(t)) out.add(t);
        }
        return out;
    }

    /** The exact origins (defaults, then configured ones); patterns are not listed. */
    public Set<String> exactOrigins() {
        return exact;
    }

    public boolean isAllowed(String origin) {
        if (origin == null || origin.isEmpty() || origin.equals("null")) return false;
        if (exact.contains(origin)) return true;
        for (Pattern p : PATTERNS) if (p.matcher(origin).matches()) return true;
        if (debug) {
            for (Pattern p : DEBUG_PATTERNS) if (p.matcher(origin).matches()) return true;
        }
        return false;
    }

    /** A policy that also admits {@code origin} (used for the server's own public origin). */
    public CorsPolicy with(String origin) {
        List<String> extra = new ArrayList<>(exact);
        extra.add(origin);
        return new CorsPolicy(extra, debug);
    }
}
