package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Bearer authentication on every {@code /mcp} method. No token → 401 with an RFC 9728 challenge; a token that is
 * rejected (by JWT validation or because the API rejected it earlier) → 401 with {@code error="invalid_token"}.
 * On success the token, its hash and the principal become request attributes for the later filters and the
 * transport context. With {@code REQUIRE_AUTH=false} requests without a token run as the anonymous principal.
 */
final class BearerAuthFilter extends HttpFilter {
    static final String ANONYMOUS = "anonymous";

    private final boolean requireAuth;
    private final TokenVerifier verifier;
    private final RevokedTokens revoked;
    private final Supplier<String> prmUrl;
    private final ServerMetrics metrics;

    BearerAuthFilter(boolean requireAuth, TokenVerifier verifier, RevokedTokens revoked, Supplier<String> prmUrl,
            ServerMetrics metrics) {
        this.metrics = metrics;
        this.requireAuth = requireAuth;
        this.verifier = verifier;
        this.revoked = revoked;
        this.prmUrl = prmUrl;
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), else null. */
    static String bearerToken(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String t = h.substring(7).trim();
        return t.isEmpty() ? null : t;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String token = bearerToken(req);
        if (token == null) {
            if (requireAuth) {
                challenge(res, null, "Authentication required");
                return;
            }
            req.setAttribute(Attrs.PRINCIPAL, ANONYMOUS);
            chain.doFilter(req, res);
            return;
        }
        String hash = TokenVerifier.sha256(token);
        if (revoked.isRevoked(hash)) {
            challenge(res, "The access token was rejected by the Sequentum API; obtain a new one",
                    "Invalid or expired access token");
            return;
        }
        TokenVerifier.Verdict verdict = verifier.verify(token);
        if (!(verdict instanceof TokenVerifier.Valid)) metrics.jwtFailure(verdict);
        if (verdict instanceof TokenVerifier.Rejected r) {
            challenge(res, r.reason(), "Invalid or expired access token");
            return;
        }
        if (verdict instanceof TokenVerifier.Unavailable u) {
            res.setHeader("Retry-After", "30");
            JsonRpcErrors.write(res, 503, JsonRpcErrors.SERVER_ERROR,
                    "Token validation is temporarily unavailable. Please try again later.");
            return;
        }
        req.setAttribute(Attrs.TOKEN, token);
        req.setAttribute(Attrs.TOKEN_HASH, hash);
        req.setAttribute(Attrs.PRINCIPAL, ((TokenVerifier.Valid) verdict).principal());
        chain.doFilter(req, res);
    }

    private void challenge(HttpServletResponse res, String invalidTokenDescription, String message) throws IOException {
        String prm = prmUrl.get();
        StringBuilder h = new StringBuilder("Bearer ");
        if (invalidTokenDescription != null) {
            h.append("error=\"invalid_token\", error_description=\"").append(invalidTokenDescription.replace("\"", "'"))
                    .append("\", ");
        }
        h.append("resource_metadata=\"").append(prm).append('"');
        res.setHeader("WWW-Authenticate", h.toString());
        ObjectNode data = JsonRpcErrors.JSON.createObjectNode();
        data.put("protectedResourceMetadata", prm);
        JsonRpcErrors.write(res, 401, JsonRpcErrors.envelope(JsonRpcErrors.UNAUTHORIZED, message, data));
    }
}
