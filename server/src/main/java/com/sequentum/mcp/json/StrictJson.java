package com.sequentum.mcp.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader that needs nothing beyond {@code java.base}: for the one message stdio reads before the
 * JSON library is loaded ({@code EarlyInitialize}), and for checks that must give the same verdict there and on the
 * normal paths ({@code InitializeParams}). It accepts exactly RFC 8259 JSON: one value, surrounded by optional
 * whitespace, strings in valid UTF-8. Objects with a repeated key are refused (a JSON library would keep one of the
 * values; we would rather not guess which). Anything refused makes the caller take the normal path, so refusing too
 * much is safe and accepting too much is not.
 *
 * <p>Values: objects as {@link Map} (insertion order), arrays as {@link List}, strings as {@link Str} (the decoded
 * text and whether the source used escapes), numbers as {@link Num} (the source text), {@code true}/{@code false}
 * as {@link Boolean}, {@code null} as {@link #NULL}.
 */
public final class StrictJson {
    /** The JSON {@code null} (a Java null would be ambiguous with "absent" in maps). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() { return "null"; }
    };

    /** A string value: its text, and whether the source spelled it with escapes (so its raw bytes differ). */
    public record Str(String text, boolean escaped) {}

    /** A number value as written in the source; {@code integer} when it has neither fraction nor exponent. */
    public record Num(String source, boolean integer) {}

    /** Refused input. No message: the caller only needs to know it has to take the normal path. */
    public static final class Refused extends Exception {
        Refused() {
            super(null, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 64;

    private final byte[] b;
    private final int end;
    private int pos;

    private StrictJson(byte[] b, int len) {
        this.b = b;
        this.end = len;
    }

    /** Parses {@code b[0, len)} as one JSON value. */
    public static Object parse(byte[] b, int len) throws Refused {
        StrictJson p = new StrictJson(b, len);
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.pos != p.end) throw new Refused();
        return v;
    }

    private Object value(int depth) throws Refused {
        if (pos >= end) throw new Refused();
        return switch (b[pos]) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws Refused {
        if (depth > MAX_DEPTH) throw new Refused();
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            ws();
            if (peek() != '"') throw new Refused();
            String key = string().text();
            ws();
            expect(':');
            ws();
            if (map.put(key, value(depth)) != null) throw new Refused();
            ws();
            int c = next();
            if (c == '}') return map;
            if (c != ',') throw new Refused();
        }
    }

    private List<Object> array(int depth) throws Refused {
        if (depth > MAX_DEPTH) throw new Refused();
        pos++; // [
        List<Object> list = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            ws();
            list.add(value(depth));
            ws();
            int c = next();
            if (c == ']') return list;
            if (c != ',') throw new Refused();
        }
    }

    private Str string() throws Refused {
        pos++; // opening quote
        int start = pos;
        boolean plain = true;
        while (pos < end && b[pos] != '"') {
            byte c = b[pos];
            if ((c & 0xff) < 0x20) throw new Refused(); // raw control characters are not allowed in JSON strings
            if (c == '\\') {
                plain = false;
                pos += 2;
            } else {
                pos++;
            }
        }
        if (pos >= end) throw new Refused();
        int stop = pos;
        pos++; // closing quote
        String raw = utf8(start, stop);
        return new Str(plain ? raw : unescape(raw), !plain);
    }

    private String utf8(int from, int to) throws Refused {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused();
        }
    }

    private static String unescape(String raw) throws Refused {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= raw.length()) throw new Refused();
            switch (raw.charAt(i)) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 >= raw.length()) throw new Refused();
                    int cp = 0;
                    for (int k = 1; k <= 4; k++) {
                        int d = Character.digit(raw.charAt(i + k), 16);
                        if (d < 0) throw new Refused();
                        cp = cp * 16 + d;
                    }
                    out.append((char) cp);
                    i += 4;
                }
                default -> throw new Refused();
            }
        }
        return out.toString();
    }

    private Num number() throws Refused {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw new Refused();
        }
        boolean integer = true;
        if (peek() == '.') {
            integer = false;
            pos++;
            if (!isDigit(peek())) throw new Refused();
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw new Refused();
            while (isDigit(peek())) pos++;
        }
        return new Num(new String(b, start, pos - start, StandardCharsets.US_ASCII), integer);
    }

    private Object literal(String word, Object v) throws Refused {
        int n = word.length();
        if (pos + n > end) throw new Refused();
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) throw new Refused();
        }
        pos += n;
        return v;
    }

    private void ws() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) pos++;
    }

    private int peek() {
        return pos < end ? b[pos] : -1;
    }

    private int next() throws Refused {
        if (pos >= end) throw new Refused();
        return b[pos++];
    }

    private void expect(char c) throws Refused {
        if (next() != c) throw new Refused();
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
