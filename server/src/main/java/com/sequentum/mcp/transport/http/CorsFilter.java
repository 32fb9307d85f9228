package com.sequentum.mcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS per spec §5.3 with the allowlist of {@link CorsPolicy}: {@code Vary: Origin} on every response, the origin
 * reflected only when allowed, preflights answered (204) only for allowed origins, and a disallowed browser origin on
 * {@code /mcp} stopped with 403 before rate limiting, authentication or session lookup.
 */
final class CorsFilter extends HttpFilter {
    private final CorsPolicy policy;

    CorsFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        addVary(res);
        String origin = req.getHeader("Origin");
        boolean allowed = origin != null && policy.isAllowed(origin);
        if (allowed) {
            res.setHeader("Access-Control-Allow-Origin", origin);
            res.setHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSE_HEADERS);
        }
        boolean mcp = McpPaths.isMcp(req);
        if ("OPTIONS".equals(req.getMethod())) {
            if (origin != null && !allowed) {
                JsonRpcErrors.write(res, 403, JsonRpcErrors.SERVER_ERROR, "Forbidden: origin not allowed");
                return;
            }
            res.setHeader("Access-Control-Allow-Methods", CorsPolicy.ALLOW_METHODS);
            res.setHeader("Access-Control-Allow-Headers", CorsPolicy.ALLOW_HEADERS);
            res.setHeader("Access-Control-Max-Age", "600");
            res.setHeader("Allow", mcp ? CorsPolicy.ALLOW_METHODS : "GET, OPTIONS");
            res.setStatus(204);
            return;
        }
        if (origin != null && !allowed && mcp) {
            JsonRpcErrors.write(res, 403, JsonRpcErrors.SERVER_ERROR, "Forbidden: origin not allowed");
            return;
        }
        chain.doFilter(req, res);
    }

    private static void addVary(HttpServletResponse res) {
        for (String v : res.getHeaders("Vary")) {
            for (String part : v.split(",")) if (part.trim().equalsIgnoreCase("Origin")) return;
        }
        res.addHeader("Vary", "Origin");
    }
}
