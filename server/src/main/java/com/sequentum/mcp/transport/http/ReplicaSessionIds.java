package com.sequentum.mcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;

/**
 * Tags session ids with the replica that owns them ({@code REPLICA_ID}), so that a proxy can send every request of a
 * session to the replica that created it by looking at the {@code Mcp-Session-Id} header alone (see
 * {@code deploy/nginx/stateful.conf}). Clients see {@code <replica>-<id>}; everything behind this filter, the SDK
 * included, sees the plain id. A request naming another replica's session gets 404, as for any unknown session, and
 * the client re-initialises.
 */
final class ReplicaSessionIds extends HttpFilter {
    static final Pattern REPLICA_ID = Pattern.compile("[a-z0-9]{1,16}");

    private final String prefix;

    ReplicaSessionIds(String replicaId) {
        if (!REPLICA_ID.matcher(replicaId).matches()) {
            throw new IllegalArgumentException("REPLICA_ID must be 1-16 lower-case letters or digits, got: " + replicaId);
        }
        this.prefix = replicaId + "-";
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String tagged = req.getHeader(SessionFilter.HEADER);
        HttpServletRequest inner = req;
        if (tagged != null && !tagged.isEmpty()) {
            if (!tagged.startsWith(prefix) || tagged.length() == prefix.length()) {
                JsonRpcErrors.write(res, 404, JsonRpcErrors.SESSION_NOT_FOUND, "Session not found");
                return;
            }
            inner = new PlainSessionIdRequest(req, tagged.substring(prefix.length()));
        }
        chain.doFilter(inner, new TaggingResponse(res, prefix));
    }

    /** The request as the SDK must see it: the session id without the replica tag. */
    private static final class PlainSessionIdRequest extends HttpServletRequestWrapper {
        private final String sessionId;

        PlainSessionIdRequest(HttpServletRequest r, String sessionId) {
            super(r);
            this.sessionId = sessionId;
        }

        @Override
        public String getHeader(String name) {
            return SessionFilter.HEADER.equalsIgnoreCase(name) ? sessionId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return SessionFilter.HEADER.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(sessionId))
                    : super.getHeaders(name);
        }
    }

    /** The response as the client must see it: session ids carry the replica tag. */
    private static final class TaggingResponse extends HttpServletResponseWrapper {
        private final String prefix;

        TaggingResponse(HttpServletResponse r, String prefix) {
            super(r);
            this.prefix = prefix;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, tag(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, tag(name, value));
        }

        private String tag(String name, String value) {
            return SessionFilter.HEADER.equalsIgnoreCase(name) && value != null && !value.isEmpty() ? prefix + value : value;
        }
    }
}
