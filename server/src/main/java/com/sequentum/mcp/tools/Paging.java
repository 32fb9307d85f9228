package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.json.RecordTruncation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to fetch what the result budget left out, as the exact arguments of the next call. Each list tool has one
 * strategy: page arithmetic ({@code pageIndex}/{@code recordsPerPage}), a later date range, a smaller
 * {@code maxRecords}, an {@code offset}, or a plain statement that the list cannot be paged.
 */
public final class Paging {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Builds the sentence that tells the model how to get the rest. */
    @FunctionalInterface
    public interface Hint {
        String next(Map<String, Object> args, JsonNode data, RecordTruncation.Cut cut);
    }

    private Paging() {}

    static final Hint LIST_AGENTS = (args, data, cut) -> pageHint("list_agents", args, cut,
            intArg(args, "pageIndex", 1), intArg(args, "recordsPerPage", 50), Map.of());

    static final Hint RUN_DATA = (args, data, cut) -> {
        long offset = intArg(args, "offset", 0);
        Map<String, Object> next = new LinkedHashMap<>(args);
        next.put("offset", offset + cut.shown());
        next.put("limit", Math.max(1, cut.shown()));
        return "To continue, call get_run_data " + render(next) + ".";
    };

    /** Paged API lists whose page size may be absent from the arguments (then the API's answer tells it). */
    static Hint pages(String tool, int defaultPage, int unused) {
        return (args, data, cut) -> {
            long page = intArg(args, "pageIndex", intOf(data.get("pageIndex"), defaultPage));
            long size = intArg(args, "recordsPerPage", intOf(data.get("recordsPerPage"), cut.total()));
            Map<String, Object> fixed = new LinkedHashMap<>();
            if (!args.containsKey("startDate") && data.path("startDate").isTextual()) fixed.put("startDate", data.get("startDate").asText());
            if (!args.containsKey("endDate") && data.path("endDate").isTextual()) fixed.put("endDate", data.get("endDate").asText());
            return pageHint(tool, args, cut, page, size, fixed);
        };
    }

    /** Lists with only a {@code maxRecords} cap: no way to skip records, so say so and offer a cap that fits. */
    static Hint maxRecords(String tool, String keyArg) {
        return (args, data, cut) -> {
            Map<String, Object> next = new LinkedHashMap<>(args);
            next.put("maxRecords", Math.max(1, cut.shown()));
            return tool + " cannot skip records, so the rest cannot be fetched page by page. Call " + tool + " "
                    + render(next) + " to get only the records that fit, or narrow the request"
                    + (keyArg.equals("query") ? " with a more specific query." : ".");
        };
    }

    /** Lists within a date range: continue from the first omitted record's date when the list is ordered by it. */
    static Hint dateRange(String tool, String field) {
        return (args, data, cut) -> {
            JsonNode all = cut.field().isEmpty() ? data : data.get(cut.field());
            Map<String, Object> next = new LinkedHashMap<>(args);
            String firstOmitted = all.path(cut.shown()).path(field).asText(null);
            int order = order(all, field);
            if (firstOmitted != null && order > 0) {
                next.put("startDate", firstOmitted);
                return "The omitted records start at " + field + " " + firstOmitted + ". To continue, call " + tool + " "
                        + render(next) + " (records at exactly that time may appear again).";
            }
            if (firstOmitted != null && order < 0) {
                next.put("endDate", firstOmitted);
                return "The omitted records end at " + field + " " + firstOmitted + ". To continue, call " + tool + " "
                        + render(next) + " (records at exactly that time may appear again).";
            }
            return "To see the rest, call " + tool + " again with a shorter period (startDate/endDate).";
        };
    }

    static Hint noPaging(String tool) {
        return (args, data, cut) -> tool + " has no paging arguments, so the omitted records cannot be fetched with it.";
    }

    private static String pageHint(String tool, Map<String, Object> args, RecordTruncation.Cut cut, long page, long size,
            Map<String, Object> fixed) {
        long offset = (page - 1) * size + cut.shown();
        long per = Math.max(1, cut.shown());
        while (offset % per != 0) per--;
        Map<String, Object> next = new LinkedHashMap<>(args);
        next.putAll(fixed);
        next.put("pageIndex", offset / per + 1);
        next.put("recordsPerPage", per);
        return "To continue, call " + tool + " " + render(next) + " and keep increasing pageIndex.";
    }

    /** 1 = ascending by field, -1 = descending, 0 = neither (or not comparable). */
    private static int order(JsonNode all, String field) {
        boolean asc = true, desc = true;
        String prev = null;
        for (JsonNode n : all) {
            String v = n.path(field).asText(null);
            if (v == null) return 0;
            if (prev != null) {
                int c = prev.compareTo(v);
                if (c > 0) asc = false;
                if (c < 0) desc = false;
            }
            prev = v;
        }
        return asc ? 1 : desc ? -1 : 0;
    }

    static long intArg(Map<String, Object> args, String name, long dflt) {
        Object v = args.get(name);
        return v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : dflt;
    }

    private static long intOf(JsonNode n, long dflt) {
        return n != null && n.isIntegralNumber() ? n.longValue() : dflt;
    }

    /** Compact JSON of the arguments in name order, whole numbers without a fraction. */
    static String render(Map<String, Object> args) {
        Map<String, Object> clean = new java.util.TreeMap<>();
        args.forEach((k, v) -> {
            if (k.startsWith("_")) return;
            clean.put(k, v instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? (Object) d.longValue() : v);
        });
        try {
            return JSON.writeValueAsString(clean);
        } catch (Exception e) {
            return clean.toString();
        }
    }
}
