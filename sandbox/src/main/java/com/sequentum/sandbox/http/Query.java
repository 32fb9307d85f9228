package com.sequentum.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Query-string access with validation that turns bad values into 400s. */
public final class Query {
    private final Map<String, String> params = new LinkedHashMap<>();

    public Query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Malformed query string.");
            }
        }
    }

    public boolean has(String name) { return params.containsKey(name); }

    /** Raw value, or null when absent. Empty strings are treated as absent. */
    public String str(String name) {
        String v = params.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public Integer integer(String name) {
        String v = str(name);
        if (v == null) return null;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The value '" + v + "' is not valid for " + name + ".");
        }
    }

    public Integer integer(String name, int min, int max) {
        Integer v = integer(name);
        if (v != null && (v < min || v > max)) {
            throw ApiException.badRequest("The value of " + name + " must be between " + min + " and " + max + ".");
        }
        return v;
    }

    public Boolean bool(String name) {
        String v = str(name);
        if (v == null) return null;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw ApiException.badRequest("The value '" + v + "' is not valid for " + name + ".");
    }

    public String oneOf(String name, String... allowed) {
        String v = str(name);
        if (v == null) return null;
        for (String a : allowed) if (a.equalsIgnoreCase(v)) return a;
        throw ApiException.badRequest("The value '" + v + "' is not valid for " + name + ". Allowed: " + String.join(", ", allowed) + ".");
    }

    /** Parses a date query parameter; {@code endOfDay} applies to date-only values. */
    public Instant instant(String name, boolean endOfDay) {
        String v = str(name);
        return v == null ? null : parseInstant(v, name, endOfDay);
    }

    public static Instant parseInstant(String v, String name, boolean endOfDay) {
        String t = v.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            LocalDate d = LocalDate.parse(t);
            return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                    : d.atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("The value '" + v + "' is not a valid date for " + name + ".");
        }
    }
}
