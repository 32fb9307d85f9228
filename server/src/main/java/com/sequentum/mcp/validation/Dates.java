package com.sequentum.mcp.validation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date rules shared by the schedule and billing tools, with the reference server's exact messages:
 * a JavaScript-{@code Date}-like parser, the strict ISO check of the billing tools, the
 * "start time in the future" check of the schedule tools and the default billing range
 * (start of the current UTC month to now). Every rule takes the clock explicitly so it is testable.
 */
public final class Dates {
    /**
     * What {@code new Date(s)} accepts in ISO form: {@code YYYY[-MM[-DD]]} optionally followed by
     * {@code THH:mm[:ss[.fff]]} and {@code Z}/{@code ±HH:mm}. A space instead of {@code T} is accepted too
     * (V8 reads it the same way). Date-only values are UTC midnight; date-times without an offset are read
     * as UTC (the server's local time in practice).
     */
    private static final Pattern JS_ISO = Pattern.compile(
            "([+-]\\d{6}|\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"
                    + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?)?");

    /** The billing tools' stricter shape (checked on the trimmed value before parsing). */
    private static final Pattern BILLING_ISO = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?)?");

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {}

    /** A start and end date string exactly as they will be sent upstream. */
    public record Range(String start, String end) {}

    // ---- parsing -----------------------------------------------------------------------------

    /**
     * Parses a date the way JavaScript's {@code Date} constructor does for ISO-8601 strings (plus RFC 1123
     * dates such as {@code Tue, 20 Jan 2026 14:30:00 GMT}); {@code null} when it would be an Invalid Date.
     * Days 29–31 roll over into the next month like JavaScript ({@code 2026-02-30} is 2 March); hour 24 is
     * accepted only as {@code 24:00:00}.
     */
    public static Instant parse(String value) {
        if (value == null) return null;
        String s = value.trim();
        if (s.isEmpty()) return null;
        Matcher m = JS_ISO.matcher(s);
        if (m.matches()) return fromIso(m);
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException notRfc1123) {
            return null;
        }
    }

    private static Instant fromIso(Matcher m) {
        String yearText = m.group(1);
        if (yearText.equals("-000000")) return null;
        int year = Integer.parseInt(yearText.startsWith("+") ? yearText.substring(1) : yearText);
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) return null;
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int millis = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00").substring(0, 3));
        if (hour > 24 || minute > 59 || second > 59) return null;
        if (hour == 24 && (minute != 0 || second != 0 || millis != 0)) return null;
        int offsetSeconds = 0;
        String zone = m.group(8);
        if (zone != null && !zone.equals("Z")) {
            int oh = Integer.parseInt(zone.substring(1, 3));
            int om = Integer.parseInt(zone.substring(4, 6));
            if (oh > 23 || om > 59) return null;
            offsetSeconds = (oh * 3600 + om * 60) * (zone.charAt(0) == '-' ? -1 : 1);
        }
        try {
            LocalDate date = LocalDate.of(year, month, 1).plusDays(day - 1L);
            return date.atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plus(Duration.ofHours(hour).plusMinutes(minute).plusSeconds(second).plusMillis(millis))
                    .minusSeconds(offsetSeconds);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    // ---- billing dates -----------------------------------------------------------------------

    /**
     * Checks one billing date argument and returns its instant. Absent, non-string, empty or blank →
     * {@code Missing or invalid <field>}; not {@code YYYY-MM-DD[THH:mm:ss[.f][Z|±HH:mm]]} (after trimming)
     * or not a real date → {@code Invalid date format for '<field>': ...}.
     */
    public static Instant isoDate(String field, Object value) {
        if (!(value instanceof String s) || s.trim().isEmpty()) {
            throw new InvalidArgumentException("Missing or invalid " + field);
        }
        String trimmed = s.trim();
        Instant parsed = BILLING_ISO.matcher(trimmed).matches() ? parse(trimmed) : null;
        if (parsed == null) {
            throw new InvalidArgumentException("Invalid date format for '" + field
                    + "': expected ISO 8601 format (e.g., '2026-01-01' or '2026-01-01T00:00:00Z')");
        }
        return parsed;
    }

    /** Equal instants are fine; a start after the end is not. */
    public static void requireOrdered(Instant start, Instant end) {
        if (start.isAfter(end)) throw new InvalidArgumentException("startDate must be before or equal to endDate");
    }

    /**
     * The billing date range: an absent ({@code null}) start defaults to the first of the current UTC month,
     * an absent end to now; both are then validated and ordered. The returned strings are the caller's
     * originals (untrimmed) or the defaults.
     */
    public static Range billingRange(Object startArg, Object endArg, Clock clock) {
        Object start = startArg != null ? startArg : startOfMonth(clock);
        Object end = endArg != null ? endArg : now(clock);
        Instant from = isoDate("startDate", start);
        Instant to = isoDate("endDate", end);
        requireOrdered(from, to);
        return new Range((String) start, (String) end);
    }

    /** {@code YYYY-MM-01T00:00:00.000Z} of the clock's current UTC month. */
    public static String startOfMonth(Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return ISO_MILLIS.format(today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC));
    }

    /** The clock's instant as {@code YYYY-MM-DDTHH:mm:ss.SSSZ} (JavaScript's {@code toISOString()}). */
    public static String now(Clock clock) {
        return ISO_MILLIS.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    // ---- schedule start times ----------------------------------------------------------------

    /**
     * The start time must parse and be strictly later than now + {@code minutes}; messages:
     * {@code Invalid startTime format: <v>. Use ISO 8601 format (e.g., 2026-01-20T14:30:00Z)} and
     * {@code startTime must be at least <n> minute(s) in the future (UTC). Provided: <v>}.
     */
    public static void requireFutureStart(String startTime, int minutes, Clock clock) {
        Instant when = parse(startTime);
        if (when == null) {
            throw new InvalidArgumentException("Invalid startTime format: " + startTime
                    + ". Use ISO 8601 format (e.g., 2026-01-20T14:30:00Z)");
        }
        Instant earliest = clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(minutes));
        if (!when.isAfter(earliest)) {
            throw new InvalidArgumentException("startTime must be at least " + minutes
                    + " minute(s) in the future (UTC). Provided: " + startTime);
        }
    }

    /**
     * The schedule rule: a RunOnce (1) start must be more than a minute away, a RunEvery (2) start must be in
     * the future; nothing is checked without a type, without a start time, or for CRON (3).
     */
    public static void checkScheduleStart(Integer scheduleType, String startTime, Clock clock) {
        if (scheduleType == null || startTime == null || startTime.isEmpty()) return;
        if (scheduleType == 1) requireFutureStart(startTime, 1, clock);
        else if (scheduleType == 2) requireFutureStart(startTime, 0, clock);
    }
}
