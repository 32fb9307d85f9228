package com.sequentum.mcp.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.json.JsJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Typed, validated access to a tool call's arguments with the reference server's exact messages.
 * A missing key and JSON {@code null} both mean "absent"; unknown keys are ignored; a call without
 * {@code arguments} is treated as an empty object.
 */
public final class Args {
    /** Strict like JSON.parse: trailing content after the value ({@code {"a":1} x}) is an error. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<String, Object> raw;

    public Args(Map<String, Object> raw) {
        this.raw = raw == null ? Collections.emptyMap() : raw;
    }

    public static Args of(Map<String, Object> raw) { return new Args(raw); }

    public Map<String, Object> raw() { return raw; }

    /** True when the argument is present and not null. */
    public boolean has(String field) { return raw.get(field) != null; }

    // ---- numbers -----------------------------------------------------------------------------

    /** A required positive integer id ({@code agentId}, {@code runId}, ...). */
    public long id(String field) { return integer(field, true, 1L, null); }

    /** An optional positive integer id. */
    public Long optionalId(String field) { return integer(field, false, 1L, null); }

    /** An integer in [min, max] (either bound may be null); {@code null} when optional and absent. */
    public Long integer(String field, boolean required, Long min, Long max) {
        Object v = raw.get(field);
        if (v == null) {
            if (required) throw missing(field);
            return null;
        }
        if (!(v instanceof Number n)) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': expected a number, got " + jsType(v));
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': expected a number, got number");
        }
        String shown = JsJson.number(n instanceof BigDecimal || n instanceof BigInteger ? d : n.doubleValue());
        if (d != Math.rint(d)) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': expected an integer, got " + shown);
        }
        if (min != null && d < min) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': must be >= " + min + ", got " + shown);
        }
        if (max != null && d > max) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': must be <= " + max + ", got " + shown);
        }
        return (long) d;
    }

    /** Same as {@link #integer} narrowed to int (for bounded values). */
    public Integer smallInt(String field, boolean required, long min, Long max) {
        Long v = integer(field, required, min, max == null ? Integer.MAX_VALUE : max);
        return v == null ? null : Math.toIntExact(v);
    }

    // ---- strings -----------------------------------------------------------------------------

    /** A string (empty allowed); {@code null} when optional and absent. */
    public String string(String field, boolean required) {
        Object v = raw.get(field);
        if (v == null) {
            if (required) throw missing(field);
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': expected a string, got " + jsType(v));
        }
        return s;
    }

    /** A string that must be one of {@code allowed} (case-sensitive). */
    public String oneOf(String field, boolean required, List<String> allowed) {
        String s = string(field, required);
        if (s != null && !allowed.contains(s)) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': '" + s + "'. Must be one of: "
                    + String.join(", ", allowed));
        }
        return s;
    }

    /** A string that must parse as JSON (any JSON value); returned unchanged. */
    public String jsonString(String field, boolean required) {
        String s = string(field, required);
        if (s == null) return null;
        try {
            JSON.readTree(s);
            if (s.isBlank()) throw new IllegalArgumentException("empty");
        } catch (Exception e) {
            String shown = s.length() > 100 ? s.substring(0, 100) + "..." : s;
            throw new InvalidArgumentException("Invalid parameter '" + field + "': must be a valid JSON string. Got: " + shown);
        }
        return s;
    }

    /** A string whose length (optionally after trimming) is within [min, max]; returns the (trimmed) value. */
    public String boundedString(String field, boolean required, boolean trim, Integer min, Integer max) {
        String s = string(field, required);
        if (s == null) return null;
        String value = trim ? jsTrim(s) : s;
        if (min != null && value.length() < min) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': must be at least " + min
                    + " characters" + (trim ? " after trimming" : "") + ", got " + value.length());
        }
        if (max != null && value.length() > max) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': must be at most " + max
                    + " characters, got " + value.length());
        }
        return value;
    }

    // ---- booleans ----------------------------------------------------------------------------

    public Boolean bool(String field, boolean required) {
        Object v = raw.get(field);
        if (v == null) {
            if (required) throw missing(field);
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw new InvalidArgumentException("Invalid parameter '" + field + "': expected a boolean, got " + jsType(v));
        }
        return b;
    }

    // ---- helpers -----------------------------------------------------------------------------

    /**
     * JavaScript's {@code String.prototype.trim}: strips JS white space and line terminators (including U+00A0,
     * U+FEFF, U+2028/2029 and the Zs space separators) but, unlike {@link String#trim}, no other control characters.
     */
    public static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsSpace(s.charAt(start))) start++;
        while (end > start && isJsSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isJsSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\uFEFF' || c == '\u2028'
                || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    public static InvalidArgumentException missing(String field) {
        return new InvalidArgumentException("Missing required parameter: " + field);
    }

    /** The JavaScript {@code typeof} of a decoded JSON value (arrays and objects are {@code object}). */
    static String jsType(Object v) {
        if (v instanceof String) return "string";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Number) return "number";
        return "object";
    }
}
