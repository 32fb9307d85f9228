package com.sequentum.mcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: the {@code Host} header must name the public host, a loopback name, the bind address or
 * an {@code ALLOWED_HOSTS} entry (ports are not compared); anything else is answered 421 before any routing.
 */
final class HostFilter extends HttpFilter {
    private final Set<String> allowed;

    HostFilter(Set<String> allowedHostNames) {
        this.allowed = allowedHostNames;
    }

    static String hostName(String hostHeader) {
        if (hostHeader == null) return null;
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.indexOf(':');
        return colon >= 0 ? h.substring(0, colon) : h;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String name = stripDot(hostName(req.getHeader("Host")));
        if (name.isEmpty() || !allowed.contains(name)) {
            JsonRpcErrors.write(res, 421, JsonRpcErrors.SERVER_ERROR, "Misdirected Request: host not allowed");
            return;
        }
        chain.doFilter(req, res);
    }

    private static String stripDot(String name) {
        return name == null ? "" : name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
