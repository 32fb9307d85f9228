package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds sessions to principals and enforces the session cap. An {@code initialize} without a session id reserves a
 * slot (503 at capacity) and the id the SDK assigns is recorded with the caller's principal. Any other request must
 * name a session the caller owns; unknown ids and ids of other principals alike get 404 so clients re-initialise and
 * ids reveal nothing. DELETE forgets the session after the SDK has closed it.
 */
final class SessionFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFilter.class);
    static final String HEADER = "Mcp-Session-Id";

    private final SessionRegistry registry;
    private final boolean debug;

    SessionFilter(SessionRegistry registry, boolean debug) {
        this.registry = registry;
        this.debug = debug;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String principal = (String) req.getAttribute(Attrs.PRINCIPAL);
        String sid = req.getHeader(HEADER);
        if (sid == null || sid.isEmpty()) {
            JsonNode message = (JsonNode) req.getAttribute(Attrs.MESSAGE);
            if ("POST".equals(req.getMethod()) && message != null && "initialize".equals(message.path("method").asText())) {
                initialize(req, res, chain, principal);
            } else {
                JsonRpcErrors.write(res, 400, JsonRpcErrors.SERVER_ERROR,
                        "Bad Request: Mcp-Session-Id header is required (send initialize first)");
            }
            return;
        }
        SessionRegistry.Session session = registry.find(sid, principal);
        if (session == null) {
            JsonRpcErrors.write(res, 404, JsonRpcErrors.SESSION_NOT_FOUND, "Session not found");
            return;
        }
        session.lastUsedNanos = System.nanoTime();
        session.inFlight.incrementAndGet();
        boolean async = false;
        try {
            chain.doFilter(req, res);
            if (req.isAsyncStarted()) {
                async = true;
                req.getAsyncContext().addListener(onComplete(ignored -> done(session)));
            }
        } finally {
            if (!async) done(session);
            if ("DELETE".equals(req.getMethod())) {
                registry.remove(sid);
                if (debug) Console.line("[DEBUG] Session terminated: {}", sid);
            }
        }
    }

    private static void done(SessionRegistry.Session s) {
        s.lastUsedNanos = System.nanoTime();
        s.inFlight.decrementAndGet();
    }

    private void initialize(HttpServletRequest req, HttpServletResponse res, FilterChain chain, String principal)
            throws IOException, ServletException {
        if (!registry.tryReserve()) {
            LOG.warn("[MCP] 503 - Session limit reached ({}), rejecting new session", registry.max());
            res.setHeader("Retry-After", "60");
            JsonRpcErrors.write(res, 503, JsonRpcErrors.SERVER_ERROR, "Server at capacity. Please try again later.");
            return;
        }
        SessionIdCapture capture = new SessionIdCapture(res);
        try {
            chain.doFilter(req, capture);
        } finally {
            registry.complete(capture.sessionId, principal);
            if (debug && capture.sessionId != null) Console.line("[DEBUG] Session created: {}", capture.sessionId);
        }
    }

    private static AsyncListener onComplete(Consumer<AsyncEvent> action) {
        return new AsyncListener() {
            @Override public void onComplete(AsyncEvent e) { action.accept(e); }
            @Override public void onTimeout(AsyncEvent e) { }
            @Override public void onError(AsyncEvent e) { }
            @Override public void onStartAsync(AsyncEvent e) { }
        };
    }

    /** Notes the session id the SDK assigns in its initialize response. */
    static final class SessionIdCapture extends HttpServletResponseWrapper {
        volatile String sessionId;

        SessionIdCapture(HttpServletResponse r) {
            super(r);
        }

        @Override
        public void setHeader(String name, String value) {
            if (HEADER.equalsIgnoreCase(name)) sessionId = value;
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (HEADER.equalsIgnoreCase(name)) sessionId = value;
            super.addHeader(name, value);
        }
    }
}
