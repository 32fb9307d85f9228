package com.sequentum.mcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.json.JsJson;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Keeps resource texts under a byte limit without breaking records: an array (top level, or the largest
 * array member of an object) keeps as many whole leading elements as fit, so the text stays valid JSON.
 * Only when no array can be shortened enough is the text cut at the last line break that fits.
 */
final class Truncation {
    record Result(String text, boolean truncated, String note) {}

    private Truncation() {}

    static Result apply(JsonNode data, int maxBytes) {
        String full = JsJson.pretty(data);
        if (utf8Length(full) <= maxBytes) return new Result(full, false, null);
        String limit = maxBytes % 1024 == 0 ? (maxBytes / 1024) + " KiB" : maxBytes + " bytes";
        if (data.isArray()) {
            ArrayNode all = (ArrayNode) data;
            Result r = shorten(all.size(), k -> head(all, k), maxBytes);
            if (r != null) {
                return new Result(r.text(), true, "The response was larger than " + limit + ", so only the first "
                        + r.note() + " of " + all.size() + " records are shown.");
            }
        } else if (data.isObject()) {
            String field = largestArrayField((ObjectNode) data);
            if (field != null) {
                ArrayNode all = (ArrayNode) data.get(field);
                Result r = shorten(all.size(), k -> {
                    ObjectNode copy = ((ObjectNode) data).deepCopy();
                    copy.set(field, head(all, k));
                    return copy;
                }, maxBytes);
                if (r != null) {
                    return new Result(r.text(), true, "The response was larger than " + limit + ", so only the first "
                            + r.note() + " of " + all.size() + " entries of \"" + field + "\" are shown.");
                }
            }
        }
        int cut = lastLineBreakWithin(full, maxBytes);
        return new Result(full.substring(0, cut), true, "The response was larger than " + limit
                + " and was cut at a line break, so the text above is incomplete JSON.");
    }

    /** Largest k whose rendering fits (text in {@code text}, k in {@code note}); null when even k=0 does not. */
    private static Result shorten(int n, IntFunction<JsonNode> withFirst, int maxBytes) {
        String best = JsJson.pretty(withFirst.apply(0));
        if (utf8Length(best) > maxBytes) return null;
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            String text = JsJson.pretty(withFirst.apply(mid));
            if (utf8Length(text) <= maxBytes) {
                lo = mid;
                best = text;
            } else {
                hi = mid - 1;
            }
        }
        return new Result(best, true, Integer.toString(lo));
    }

    private static ArrayNode head(ArrayNode all, int k) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(k);
        for (int i = 0; i < k; i++) out.add(all.get(i));
        return out;
    }

    private static String largestArrayField(ObjectNode o) {
        String best = null;
        int bestSize = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isArray() && e.getValue().size() > bestSize) {
                best = e.getKey();
                bestSize = e.getValue().size();
            }
        }
        return best;
    }

    private static int lastLineBreakWithin(String s, int maxBytes) {
        int bytes = 0;
        int lastBreak = 0;
        for (int i = 0; i < s.length(); i++) {
            bytes += utf8Length(s.charAt(i), i + 1 < s.length() ? s.charAt(i + 1) : 0);
            if (bytes > maxBytes) break;
            if (s.charAt(i) == '\n') lastBreak = i;
        }
        return lastBreak;
    }

    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) bytes += utf8Length(s.charAt(i), i + 1 < s.length() ? s.charAt(i + 1) : 0);
        return bytes;
    }

    /** Bytes for char c; a surrogate pair counts 4 on its high half and 0 on its low half. */
    private static int utf8Length(char c, char next) {
        if (c < 0x80) return 1;
        if (c < 0x800) return 2;
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) return 4;
        if (Character.isLowSurrogate(c)) return 0;
        return 3;
    }
}
