package com.sequentum.mcp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders JSON the way JavaScript's {@code JSON.stringify(value, null, 2)} does, so tool results read
 * exactly like the reference server's: two-space indent, {@code "key": value}, empty containers on one
 * line, integral numbers without a fraction, control characters escaped with lower-case hex.
 */
public final class JsJson {
    private JsJson() {}

    public static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, "");
        return sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode node, String indent) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isTextual()) {
            quote(sb, node.textValue());
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            boolean exact = node.canConvertToLong() && Math.abs(node.longValue()) <= MAX_SAFE_INTEGER;
            sb.append(exact ? Long.toString(node.longValue()) : number(node.doubleValue()));
        } else if (node.isNumber()) {
            sb.append(number(node.doubleValue()));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                sb.append("[]");
                return;
            }
            String inner = indent + "  ";
            sb.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                sb.append(inner);
                write(sb, node.get(i), inner);
                sb.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            sb.append(indent).append(']');
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            String inner = indent + "  ";
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = jsKeyOrder(node).iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(inner);
                quote(sb, e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), inner);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else {
            sb.append(node.toString());
        }
    }

    private static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    /** JavaScript objects list array-index-like keys ("0", "42") first, in ascending order, then the rest in insertion order. */
    private static List<Map.Entry<String, JsonNode>> jsKeyOrder(JsonNode object) {
        List<Map.Entry<String, JsonNode>> indexLike = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
        object.fields().forEachRemaining(e -> (isArrayIndex(e.getKey()) ? indexLike : others).add(e));
        if (indexLike.isEmpty()) return others;
        indexLike.sort(Comparator.comparingLong(e -> Long.parseLong(e.getKey())));
        indexLike.addAll(others);
        return indexLike;
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10) return false;
        if (key.length() > 1 && key.charAt(0) == '0') return false;
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i)) || key.charAt(i) > '9') return false;
        }
        return Long.parseLong(key) < 4_294_967_295L;
    }

    /** JavaScript's Number-to-string: {@code 1}, {@code 1.5}, {@code 1e-7}, {@code 1.5e+21}; NaN/Infinity print as null like JSON.stringify. */
    public static String number(double d) {
        if (!Double.isFinite(d)) return "null";
        if (d == 0) return "0";
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            if (d == Math.rint(d) && abs < 9.007199254740992E15) return Long.toString((long) d);
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }

    /** A number as JavaScript would print it inside a message. */
    public static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) return n.toString();
        return number(n.doubleValue());
    }

    /** Appends {@code s} as {@code JSON.stringify} writes a string (lower-case hex in {@code \}{@code u00XX}). */
    public static void quote(StringBuilder sb, String s) {
        JsonText.quote(sb, s, false);
    }
}
