package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.calls.InFlightCalls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives {@code notifications/cancelled} an effect (the SDK ignores it). Runs after the session check, so only the
 * owner of a session can cancel its calls: a {@code tools/call} gets a call key (session + request id) in its
 * {@code _meta}, and a cancellation for that id in the same session sets the call's flag. The notification itself
 * still goes on to the SDK, which answers it with 202 as usual.
 */
final class CancellationFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String session = req.getHeader("Mcp-Session-Id");
        if (!"POST".equals(req.getMethod()) || session == null || !(req.getAttribute(Attrs.MESSAGE) instanceof JsonNode m)) {
            chain.doFilter(req, res);
            return;
        }
        String scope = "http-" + session;
        String method = m.path("method").asText("");
        JsonNode id = m.get("id");
        if (id == null && method.equals("notifications/cancelled")) {
            JsonNode target = m.path("params").path("requestId");
            if (target.isTextual() || target.isIntegralNumber()) InFlightCalls.cancel(InFlightCalls.key(scope, target));
            chain.doFilter(req, res);
            return;
        }
        if (id != null && method.equals("tools/call") && m.path("params").isObject()) {
            ObjectNode copy = m.deepCopy();
            ObjectNode params = (ObjectNode) copy.get("params");
            ObjectNode meta = params.get("_meta") instanceof ObjectNode o ? o : params.putObject("_meta");
            String key = InFlightCalls.key(scope, id);
            meta.put(InFlightCalls.META_KEY, key);
            InFlightCalls.announce(key);
            byte[] body = JsonRpcErrors.JSON.writeValueAsBytes(copy);
            chain.doFilter(new McpRequestFilter.CachedBodyRequest(req, body), res);
            return;
        }
        chain.doFilter(req, res);
    }
}
