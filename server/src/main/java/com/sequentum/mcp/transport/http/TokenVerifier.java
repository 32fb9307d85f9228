package com.sequentum.mcp.transport.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Decides whether a bearer token is acceptable and who it belongs to. */
interface TokenVerifier {

    sealed interface Verdict permits Valid, Rejected, Unavailable {}

    /** The token may be used; {@code principal} is the stable identity sessions are bound to. */
    record Valid(String principal) implements Verdict {}

    /** The token is not acceptable; {@code reason} is safe to show to the client. */
    record Rejected(String reason) implements Verdict {}

    /** The token could not be checked right now (e.g. the JWKS endpoint is unreachable). */
    record Unavailable(String reason) implements Verdict {}

    Verdict verify(String token);

    /** Pass-through mode: every token is forwarded; the principal is the token's SHA-256. */
    static TokenVerifier passthrough() {
        return token -> new Valid("token:" + sha256(token));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
