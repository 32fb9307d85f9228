package com.sequentum.mcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stateless mode: there are no sessions, so there is no stream to open ({@code GET}) and nothing to end
 * ({@code DELETE}); both get 405 with {@code Allow: POST, OPTIONS} and a JSON-RPC error body, as the Streamable HTTP
 * specification allows for servers without a server-initiated stream.
 */
final class StatelessMethodFilter extends HttpFilter {
    static final String ALLOW = "POST, OPTIONS";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String m = req.getMethod();
        if (m.equals("GET") || m.equals("DELETE")) {
            res.setHeader("Allow", ALLOW);
            JsonRpcErrors.write(res, 405, JsonRpcErrors.SERVER_ERROR, "Method Not Allowed: this server is stateless "
                    + "(no sessions, no server-sent event stream); send every request as POST");
            return;
        }
        chain.doFilter(req, res);
    }
}
