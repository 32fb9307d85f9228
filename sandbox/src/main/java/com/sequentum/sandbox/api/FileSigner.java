package com.sequentum.sandbox.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** Short-lived HMAC-signed download links (signature over path and expiry). */
public final class FileSigner {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private final byte[] key = new byte[32];

    public FileSigner() {
        new SecureRandom().nextBytes(key);
    }

    public String sign(String path, long expiresEpochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((path + "\n" + expiresEpochSeconds).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Query string {@code expires=..&sig=..} for {@code path}, valid from {@code now}. */
    public String query(String path, Instant now) {
        long exp = now.plus(LIFETIME).getEpochSecond();
        return "expires=" + exp + "&sig=" + sign(path, exp);
    }

    public boolean verify(String path, String expires, String sig, Instant now) {
        if (expires == null || sig == null) return false;
        long exp;
        try {
            exp = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        if (now.getEpochSecond() > exp) return false;
        return MessageDigest.isEqual(sign(path, exp).getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8));
    }
}
