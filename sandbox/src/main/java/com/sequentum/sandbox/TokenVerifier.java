package com.sequentum.sandbox;

/** Decides whether a bearer token presented to {@code /api/v1/**} is acceptable. */
@FunctionalInterface
public interface TokenVerifier {
    boolean verify(String bearerToken);

    /** Rejects every token. */
    static TokenVerifier none() { return t -> false; }
}
