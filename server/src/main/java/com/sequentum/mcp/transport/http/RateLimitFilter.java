package com.sequentum.mcp.transport.http;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Rate limit on {@code /mcp}: one instance keyed on the client address (before authentication, so floods without a
 * token are limited too), one keyed on the authenticated principal with a higher limit (after authentication, so one
 * user cannot starve others from many addresses). Counted responses carry the draft-6 {@code RateLimit-*} headers;
 * rejections are 429 with {@code Retry-After} and JSON-RPC code -32029.
 */
final class RateLimitFilter extends HttpFilter {
    private final Limiter limiter;
    private final Function<HttpServletRequest, String> key;
    private final boolean writeHeaders;
    private final ServerMetrics metrics;
    private final String scope;

    private RateLimitFilter(Limiter limiter, Function<HttpServletRequest, String> key, boolean writeHeaders,
            ServerMetrics metrics, String scope) {
        this.limiter = limiter;
        this.key = key;
        this.writeHeaders = writeHeaders;
        this.metrics = metrics;
        this.scope = scope;
    }

    static RateLimitFilter perAddress(Limiter limiter, TrustProxy trust, ServerMetrics metrics) {
        return new RateLimitFilter(limiter, req -> {
            List<String> xff = Collections.list(req.getHeaders("X-Forwarded-For"));
            String client = trust.clientAddress(req.getRemoteAddr(), xff);
            req.setAttribute(Attrs.CLIENT, client);
            return "ip:" + addressKey(client);
        }, true, metrics, "address");
    }

    static RateLimitFilter perPrincipal(Limiter limiter, ServerMetrics metrics) {
        return new RateLimitFilter(limiter, req -> {
            Object p = req.getAttribute(Attrs.PRINCIPAL);
            return p == null ? null : "principal:" + p;
        }, false, metrics, "principal");
    }

    /** IPv6 clients are grouped per /56 (one customer allocation); IPv4 per address. */
    static String addressKey(String address) {
        byte[] b = TrustProxy.literal(address);
        if (b == null || b.length == 4) return address;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 7; i++) sb.append(String.format("%02x", b[i]));
        return sb.append("::/56").toString();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String k = key.apply(req);
        if (k == null) {
            chain.doFilter(req, res);
            return;
        }
        ConsumptionProbe probe = limiter.consume(k);
        long resetSeconds = Math.max(1, ceilSeconds(probe.getNanosToWaitForReset()));
        if (writeHeaders || !probe.isConsumed()) {
            res.setHeader("RateLimit-Policy", limiter.perMinute() + ";w=60");
            res.setHeader("RateLimit-Limit", String.valueOf(limiter.perMinute()));
            res.setHeader("RateLimit-Remaining", String.valueOf(Math.max(0, probe.getRemainingTokens())));
            res.setHeader("RateLimit-Reset", String.valueOf(resetSeconds));
        }
        if (!probe.isConsumed()) {
            metrics.rateLimited(scope);
            res.setHeader("Retry-After", String.valueOf(Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()))));
            JsonRpcErrors.write(res, 429, JsonRpcErrors.RATE_LIMITED, "Too many requests. Please slow down.");
            return;
        }
        chain.doFilter(req, res);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
