package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.json.JsJson;
import com.sequentum.mcp.json.RecordTruncation;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every tool result under a byte budget (UTF-8 of the text; {@code SEQUENTUM_RESULT_BUDGET_BYTES}, default
 * 100 KiB). A list result that is too large keeps as many whole leading records as fit; the text then ends with a
 * note naming the exact arguments that fetch the rest, and structuredContent carries the same as {@code truncation}.
 * Records are never cut: a single record larger than the budget is returned whole.
 */
public final class ResultBudget {
    private static final Logger LOG = LoggerFactory.getLogger(ResultBudget.class);
    public static final String ENV = "SEQUENTUM_RESULT_BUDGET_BYTES";
    public static final int DEFAULT_BYTES = 100 * 1024;
    public static final int MIN_BYTES = 4 * 1024;
    /** Room kept for the note after the JSON. */
    static final int NOTE_RESERVE = 1024;

    private ResultBudget() {}

    /** The budget from the environment; a missing value means the default, an invalid one is rejected. */
    public static int fromEnvironment(Map<String, String> env) {
        String raw = env.get(ENV);
        if (raw == null || raw.isBlank()) return DEFAULT_BYTES;
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= MIN_BYTES && v <= Integer.MAX_VALUE) return (int) v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Error: " + ENV + " must be a whole number of bytes between " + MIN_BYTES
                + " and " + Integer.MAX_VALUE + ", got \"" + raw + "\"");
    }

    /** The default when the environment value is invalid, with a warning (for code paths that cannot fail). */
    public static int fromEnvironmentOrDefault(Map<String, String> env) {
        try {
            return fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}; using {} bytes", e.getMessage(), DEFAULT_BYTES);
            return DEFAULT_BYTES;
        }
    }

    public static ToolResult apply(ToolSpec tool, Map<String, Object> args, ToolResult result, int budget) {
        if (result.isError() || result.value() == null) return result;
        if (RecordTruncation.fitsUtf8(result.text(), budget)) return result;
        ToolOutputs.Output out = ToolOutputs.has(tool.name()) ? ToolOutputs.of(tool.name()) : null;
        String field = out == null ? null : out.pageField();
        if (field == null) {
            LOG.debug("{}: result of {} bytes exceeds the budget but is a single record; returned whole", tool.name(),
                    RecordTruncation.utf8Length(result.text()));
            return result;
        }
        JsonNode value = result.value();
        int room = budget - RecordTruncation.utf8Length(result.prefix()) - NOTE_RESERVE;
        RecordTruncation.Cut cut = RecordTruncation.cut(value, Math.max(room, 0), field);
        if (cut == null || !cut.truncated()) return result;
        String next = out.next().next(args == null ? Map.of() : args, value, cut);
        String what = cut.field().isEmpty() ? "records" : "entries of \"" + cut.field() + "\"";
        String note = "[Result shortened: only the first " + cut.shown() + " of " + cut.total() + " " + what
                + " are shown, because the full result exceeds the " + budget + "-byte result budget. " + next + "]";
        ObjectNode structured = ToolResult.structure(cut.data()).deepCopy();
        ObjectNode t = structured.putObject("truncation");
        t.put("field", cut.field().isEmpty() ? "items" : cut.field());
        t.put("shown", cut.shown());
        t.put("total", cut.total());
        t.put("budgetBytes", budget);
        t.put("next", next);
        return new ToolResult(result.prefix() + cut.text() + "\n\n" + note, false, structured, result.prefix(), cut.data());
    }

    static String pretty(JsonNode n) { return JsJson.pretty(n); }
}
