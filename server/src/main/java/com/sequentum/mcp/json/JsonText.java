package com.sequentum.mcp.json;

/** JSON string literals, needing nothing beyond {@code java.base} (the early stdio answer uses it before Jackson loads). */
public final class JsonText {
    private JsonText() {}

    /**
     * Appends {@code s} as a JSON string literal: {@code "} and {@code \} escaped, the short escapes for backspace,
     * form feed, line feed, carriage return and tab, {@code \}{@code u00XX} for other control characters, everything
     * else as is. {@code upperCaseHex}: Jackson writes those hex digits in upper case, JavaScript's
     * {@code JSON.stringify} in lower case.
     */
    public static void quote(StringBuilder sb, String s, boolean upperCaseHex) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(hex(c >> 4, upperCaseHex)).append(hex(c & 0xf, upperCaseHex));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static char hex(int digit, boolean upper) {
        char c = Character.forDigit(digit, 16);
        return upper ? Character.toUpperCase(c) : c;
    }
}
