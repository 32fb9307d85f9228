package com.sequentum.mcp.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a query string exactly as the reference does: parameters in call order, form encoding
 * (space as {@code +}, upper-case percent escapes), nothing at all when no parameter was added.
 */
public final class Query {
    private final StringBuilder sb = new StringBuilder();

    public static Query form() { return new Query(); }

    /** Adds the parameter when the value is not null. */
    public Query add(String name, Object value) {
        if (value == null) return this;
        sb.append(sb.length() == 0 ? '?' : '&').append(encodeForm(name)).append('=').append(encodeForm(String.valueOf(value)));
        return this;
    }

    /** Adds the parameter when the value is neither null nor empty. */
    public Query addNonEmpty(String name, String value) {
        return value == null || value.isEmpty() ? this : add(name, value);
    }

    @Override
    public String toString() { return sb.toString(); }

    /** {@code application/x-www-form-urlencoded}, identical to JavaScript's URLSearchParams. */
    public static String encodeForm(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** JavaScript's {@code encodeURIComponent}: keeps {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}. */
    public static String encodeComponent(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-_.!~*'()".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
