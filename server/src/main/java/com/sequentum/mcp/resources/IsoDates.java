package com.sequentum.mcp.resources;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** JavaScript {@code toISOString()}-style UTC timestamps for the default current-month range. */
public final class IsoDates {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private IsoDates() {}

    /** First day of the current UTC month at midnight, e.g. {@code 2026-03-01T00:00:00.000Z}. */
    public static String startOfMonth(Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        return ISO_MILLIS.format(now.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS));
    }

    /** Now in UTC with milliseconds, e.g. {@code 2026-03-15T14:30:00.000Z}. */
    public static String now(Clock clock) {
        return ISO_MILLIS.format(ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS));
    }
}
