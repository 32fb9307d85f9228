package com.sequentum.mcp.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Keeps a JSON text under a byte limit without breaking records: an array (top level, or a member array of an
 * object) keeps as many whole leading elements as fit, so the text stays valid JSON. Shared by resource reads and
 * the tool result budget.
 */
public final class RecordTruncation {
    /**
     * The outcome. {@code data} is the shortened value (null when nothing could be shortened), {@code field} the
     * member array that was shortened ({@code ""} for a top-level array, null when none), {@code shown} and
     * {@code total} its element counts.
     */
    public record Cut(JsonNode data, String text, String field, int shown, int total) {
        public boolean truncated() { return data != null && shown < total; }
    }

    /** Resource-style outcome: text plus a human note; falls back to a line-break cut for records too large. */
    public record Result(String text, boolean truncated, String note) {}

    private RecordTruncation() {}

    /**
     * Shortens the array {@code field} of {@code data} ({@code ""} = {@code data} itself is the array; null = the
     * largest array member) so the pretty text fits {@code maxBytes}. Returns null when the value already fits or
     * when no whole-record cut can make it fit.
     */
    public static Cut cut(JsonNode data, int maxBytes, String field) {
        if (data == null) return null;
        if (fitsUtf8(JsJson.pretty(data), maxBytes)) return null;
        if (data.isArray() && (field == null || field.isEmpty())) {
            ArrayNode all = (ArrayNode) data;
            return shorten(all.size(), k -> head(all, k), maxBytes, "");
        }
        if (data.isObject()) {
            String f = field == null || field.isEmpty() ? largestArrayField((ObjectNode) data) : field;
            if (f == null || !data.path(f).isArray()) return null;
            ArrayNode all = (ArrayNode) data.get(f);
            return shorten(all.size(), k -> {
                ObjectNode copy = ((ObjectNode) data).deepCopy();
                copy.set(f, head(all, k));
                return copy;
            }, maxBytes, f);
        }
        return null;
    }

    /** The resource form: whole records when possible, otherwise the text cut at the last line break that fits. */
    public static Result apply(JsonNode data, int maxBytes) {
        String full = JsJson.pretty(data);
        if (fitsUtf8(full, maxBytes)) return new Result(full, false, null);
        String limit = maxBytes % 1024 == 0 ? (maxBytes / 1024) + " KiB" : maxBytes + " bytes";
        Cut c = cut(data, maxBytes, null);
        if (c != null) {
            String what = c.field().isEmpty() ? " records are shown." : " entries of \"" + c.field() + "\" are shown.";
            return new Result(c.text(), true, "The response was larger than " + limit + ", so only the first "
                    + c.shown() + " of " + c.total() + what);
        }
        int cut = lastLineBreakWithin(full, maxBytes);
        return new Result(full.substring(0, cut), true, "The response was larger than " + limit
                + " and was cut at a line break, so the text above is incomplete JSON.");
    }

    /** Largest k whose rendering fits; null when even k=0 does not. */
    private static Cut shorten(int n, IntFunction<JsonNode> withFirst, int maxBytes, String field) {
        JsonNode bestData = withFirst.apply(0);
        String best = JsJson.pretty(bestData);
        if (utf8Length(best) > maxBytes) return null;
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            JsonNode candidate = withFirst.apply(mid);
            String text = JsJson.pretty(candidate);
            if (utf8Length(text) <= maxBytes) {
                lo = mid;
                best = text;
                bestData = candidate;
            } else {
                hi = mid - 1;
            }
        }
        return new Cut(bestData, best, field, lo, n);
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

    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) continue;
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // a surrogate pair: 4 bytes for its 2 chars
                i++;
            } else if (Character.isLowSurrogate(c)) {
                bytes -= 1; // a lone low surrogate counts 0
            } else {
                bytes += 2;
            }
        }
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

    /** Whether {@code s} takes at most {@code maxBytes} in UTF-8; short strings are answered without counting. */
    public static boolean fitsUtf8(String s, int maxBytes) {
        return s.length() * 3L <= maxBytes || utf8Length(s) <= maxBytes;
    }
}
