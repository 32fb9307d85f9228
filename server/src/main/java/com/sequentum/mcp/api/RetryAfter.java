package com.sequentum.mcp.api;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Parses a {@code Retry-After} header: delay-seconds (fractions allowed) or an HTTP-date. */
public final class RetryAfter {
    /** A plain decimal number; Java's parser alone would also take {@code 1d}, {@code 2f}, {@code Infinity}. */
    private static final Pattern DECIMAL = Pattern.compile("[+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private RetryAfter() {}

    /** Seconds to wait, or {@code null} when the header is missing or unparseable. */
    public static Double parse(String header, Clock clock) {
        if (header == null) return null;
        String v = header.trim();
        if (v.isEmpty()) return null;
        if (DECIMAL.matcher(v).matches()) {
            double seconds = Double.parseDouble(v);
            return Double.isFinite(seconds) ? seconds : null;
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            long ms = when.toInstant().toEpochMilli() - clock.millis();
            return (double) Math.max(0, (long) Math.ceil(ms / 1000.0));
        } catch (RuntimeException notDate) {
            return null;
        }
    }
}
