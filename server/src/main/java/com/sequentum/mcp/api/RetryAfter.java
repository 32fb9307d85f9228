package com.sequentum.mcp.api;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Parses a {@code Retry-After} header: delay-seconds (fractions allowed) or an HTTP-date. */
public final class RetryAfter {
    private RetryAfter() {}

    /** Seconds to wait, or {@code null} when the header is missing or unparseable. */
    public static Double parse(String header, Clock clock) {
        if (header == null) return null;
        String v = header.trim();
        if (v.isEmpty()) return null;
        try {
            double seconds = Double.parseDouble(v);
            if (Double.isFinite(seconds) && seconds >= 0) return seconds;
            return null;
        } catch (NumberFormatException notNumber) {
            // fall through to the date form
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
