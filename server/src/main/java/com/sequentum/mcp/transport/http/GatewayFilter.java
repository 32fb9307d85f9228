package com.sequentum.mcp.transport.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outermost filter on every path: makes every error JSON-RPC shaped (see {@link ErrorRewritingResponse}), turns
 * unexpected exceptions into a bare 500, refuses work while shutting down, and counts in-flight requests (SSE
 * listening streams excluded) so shutdown can drain them.
 */
final class GatewayFilter extends HttpFilter {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayFilter.class);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Object drained = new Object();
    private final ServerMetrics metrics;

    GatewayFilter(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    int inFlight() {
        return inFlight.get();
    }

    void startClosing() {
        closing.set(true);
    }

    /** Waits until no counted request is running or the deadline passes; true when drained. */
    boolean awaitDrained(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (drained) {
            while (inFlight.get() > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return false;
                drained.wait(Math.min(left, 50));
            }
        }
        return true;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        ErrorRewritingResponse wrapped = new ErrorRewritingResponse(res);
        if (closing.get()) {
            res.setHeader("Connection", "close");
            res.setHeader("Retry-After", "5");
            JsonRpcErrors.write(res, 503, JsonRpcErrors.SERVER_ERROR, "Server is shutting down. Please reconnect.");
            return;
        }
        boolean listeningStream = "GET".equals(req.getMethod()) && "/mcp".equals(req.getRequestURI());
        boolean mcp = McpPaths.isMcp(req);
        if (!listeningStream) inFlight.incrementAndGet();
        boolean asyncHandedOff = false;
        try {
            chain.doFilter(req, wrapped);
            if (!req.isAsyncStarted()) drainUnreadBody(req);
            wrapped.finish();
            if (req.isAsyncStarted()) {
                req.getAsyncContext().addListener(new AsyncListener() {
                    @Override public void onComplete(AsyncEvent e) {
                        if (mcp) metrics.httpResponse(req.getMethod(), res.getStatus());
                        if (!listeningStream) release();
                    }
                    @Override public void onTimeout(AsyncEvent e) { }
                    @Override public void onError(AsyncEvent e) { }
                    @Override public void onStartAsync(AsyncEvent e) { }
                });
                asyncHandedOff = true;
            } else if (mcp) {
                metrics.httpResponse(req.getMethod(), res.getStatus());
            }
        } catch (Throwable t) {
            LOG.warn("[MCP] Unhandled error on {} {}: {}", req.getMethod(), req.getRequestURI(), t.toString());
            if (!res.isCommitted()) {
                res.resetBuffer();
                JsonRpcErrors.write(res, 500, JsonRpcErrors.INTERNAL_ERROR, "Internal server error");
            }
        } finally {
            if (!listeningStream && !asyncHandedOff) release();
        }
    }

    /**
     * Reads what is left of a request body that was answered without being read (a 401, 403, 429 …). Otherwise Jetty
     * closes the connection after the answer, and a client that reuses its pooled connection for the next POST meets
     * a closed socket instead of a response. Bodies over {@link McpRequestFilter#DRAIN_LIMIT} are left alone (the
     * connection is then closed, which is fine for a request that large).
     */
    private static void drainUnreadBody(HttpServletRequest req) {
        if (req.getContentLengthLong() > McpRequestFilter.DRAIN_LIMIT) return;
        try {
            java.io.InputStream in = req.getInputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while (total <= McpRequestFilter.DRAIN_LIMIT && (n = in.read(buf)) != -1) total += n;
        } catch (IOException | IllegalStateException ignored) {
            // already read through a reader, or the client went away: nothing to drain
        }
    }

    private void release() {
        if (inFlight.decrementAndGet() <= 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }
}
