package com.sequentum.mcp.tools;

import static com.sequentum.mcp.tools.OutputSchema.any;
import static com.sequentum.mcp.tools.OutputSchema.arrayOf;
import static com.sequentum.mcp.tools.OutputSchema.bool;
import static com.sequentum.mcp.tools.OutputSchema.num;
import static com.sequentum.mcp.tools.OutputSchema.record;
import static com.sequentum.mcp.tools.OutputSchema.str;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.json.JsJson;
import com.sequentum.mcp.json.RecordTruncation;
import com.sequentum.mcp.validation.Args;
import com.sequentum.mcp.validation.InvalidArgumentException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code get_run_data}: a page of a run's output file (CSV, JSON array or NDJSON), fetched through the temporary
 * link the API hands out (F2) and parsed as a stream. Only the requested rows are kept in memory (and no more of them
 * than the result budget allows); rows before the page are skipped without being kept, and counting the remaining
 * rows stops after {@link #COUNT_SCAN_BYTES}, in which case the total is reported as unknown.
 */
public final class RunDataTool {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    /** Longest single record accepted (characters); longer means a malformed file. */
    static final int MAX_RECORD_CHARS = 1024 * 1024;
    /** How far past the page the file is read to count its rows. */
    static final long COUNT_SCAN_BYTES = 16L * 1024 * 1024;
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATETIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_RECORD_CHARS).maxNestingDepth(64).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    static final ObjectNode OUTPUT_SCHEMA = OutputSchema.rootRequiring(
            new String[] {"agentId", "runId", "fileId", "format", "columns", "offset", "limit", "returnedRows", "hasMore", "rows"},
            "agentId", num(), "runId", num(), "fileId", num(), "fileName", str(), "format", str(),
            "columns", arrayOf(record("name", str(), "type", str())), "totalRows", num(), "offset", num(),
            "limit", num(), "returnedRows", num(), "hasMore", bool(), "rows", arrayOf(any()),
            "next", record("agentId", num(), "runId", num(), "fileId", num(), "offset", num(), "limit", num(),
                    "fields", str()),
            "nextStep", str(), "truncation", OutputSchema.truncation());

    private RunDataTool() {}

    static ToolSpec spec() {
        return new ToolSpec("get_run_data", "Get Run Data", Category.FILES,
                "Shows the data a run scraped: reads one of the run's output files (CSV, JSON array or NDJSON) through "
                        + "its temporary download link and returns the column names with inferred types, the total row "
                        + "count when the file is small enough to count, and one page of rows (offset, limit default 20, "
                        + "at most 200, optional fields selection), plus the exact arguments for the next page. Without "
                        + "fileId the run's first data file is used (file ids come from get_run_files). Large files are "
                        + "read as a stream, never whole.",
                RunTools.runIds()
                        .number("fileId", "Optional ID of the output file (from get_run_files); default: the run's "
                                + "first CSV or JSON file.", false)
                        .number("offset", "Rows to skip before the page, 0 or more (default 0).", false)
                        .number("limit", "Rows to return, 1 to 200 (default 20).", false)
                        .string("fields", "Optional comma-separated column names to return, e.g. \"name,price\" "
                                + "(default: all columns).", false)
                        .build(),
                Hints.reading(), RunDataTool::handle);
    }

    static ToolResult handle(ToolContext ctx, Args a) throws IOException {
        long agentId = a.id("agentId");
        long runId = a.id("runId");
        Long fileId = a.optionalId("fileId");
        Long offsetArg = a.integer("offset", false, 0L, null);
        long offset = offsetArg == null ? 0 : offsetArg;
        int limit = AgentTools.orDefault(a.smallInt("limit", false, 1, (long) MAX_LIMIT), DEFAULT_LIMIT);
        String fieldsArg = a.string("fields", false);
        List<String> fields = new ArrayList<>();
        if (fieldsArg != null) {
            for (String f : fieldsArg.split(",")) if (!f.trim().isEmpty()) fields.add(f.trim());
        }
        String fileName = null;
        if (fileId == null) {
            JsonNode files = ctx.api().getRunFiles(agentId, runId);
            JsonNode chosen = null;
            if (files.isArray()) {
                for (JsonNode f : files) {
                    String kind = (f.path("fileType").asText("") + " " + f.path("name").asText("")).toLowerCase();
                    if (kind.contains("csv") || kind.contains("json")) {
                        chosen = f;
                        break;
                    }
                }
            }
            if (chosen == null || !chosen.path("id").canConvertToLong()) {
                throw new ToolFailure("Run " + runId + " of agent " + agentId + " has no CSV or JSON output file.");
            }
            fileId = chosen.get("id").asLong();
            fileName = chosen.path("name").asText(null);
        }
        String url = ctx.api().getFileDownloadUrl(agentId, runId, fileId);
        if (url == null || url.isEmpty()) {
            throw new ToolFailure("The Sequentum API did not return a download link for file " + fileId + " of run "
                    + runId + ". Try again later.");
        }
        ApiHttp.Download d = ctx.api().openDownload(url);
        Page page;
        try (InputStream body = d.body()) {
            if (d.status() < 200 || d.status() >= 300) {
                throw new ToolFailure("The file could not be downloaded: its temporary link answered HTTP " + d.status()
                        + " (it may have expired). Call get_run_data again for a fresh link.");
            }
            page = read(body, offset, limit, Math.max(1024, ctx.budgetBytes() - 4096));
        }
        ObjectNode out = F.objectNode();
        out.put("agentId", agentId);
        out.put("runId", runId);
        out.put("fileId", fileId);
        if (fileName != null) out.put("fileName", fileName);
        out.put("format", page.format);
        List<String> columns = new ArrayList<>(page.columns);
        if (!fields.isEmpty()) {
            List<String> unknown = fields.stream().filter(f -> !page.columns.contains(f)).toList();
            if (!unknown.isEmpty() && !page.columns.isEmpty()) {
                throw new InvalidArgumentException("Invalid parameter 'fields': unknown column(s) " + String.join(", ", unknown)
                        + ". The columns are: " + String.join(", ", page.columns));
            }
            columns = fields;
        }
        ArrayNode cols = out.putArray("columns");
        for (String c : columns) {
            ObjectNode col = cols.addObject();
            col.put("name", c);
            col.put("type", inferType(page.rows, c));
        }
        if (page.total != null) out.put("totalRows", page.total); else out.putNull("totalRows");
        out.put("offset", offset);
        out.put("limit", limit);
        ArrayNode rows = F.arrayNode();
        for (ObjectNode r : page.rows) {
            if (fields.isEmpty()) {
                rows.add(r);
            } else {
                ObjectNode sel = F.objectNode();
                for (String f : fields) sel.set(f, r.has(f) ? r.get(f) : F.nullNode());
                rows.add(sel);
            }
        }
        finish(out, rows, page.more, agentId, runId, fileId, offset, limit, fieldsArg);
        int room = ctx.budgetBytes() - ResultBudget.NOTE_RESERVE;
        RecordTruncation.Cut cut = RecordTruncation.cut(out, room, "rows");
        if (cut != null && cut.truncated() && cut.shown() > 0) {
            ArrayNode fewer = F.arrayNode();
            for (int i = 0; i < cut.shown(); i++) fewer.add(rows.get(i));
            finish(out, fewer, true, agentId, runId, fileId, offset, Math.min(limit, cut.shown()), fieldsArg);
        }
        return ToolResult.json(out);
    }

    private static void finish(ObjectNode out, ArrayNode rows, boolean more, long agentId, long runId, long fileId,
            long offset, int nextLimit, String fields) {
        out.put("returnedRows", rows.size());
        out.put("hasMore", more);
        out.set("rows", rows);
        if (more) {
            ObjectNode next = out.putObject("next");
            next.put("agentId", agentId);
            next.put("runId", runId);
            next.put("fileId", fileId);
            next.put("offset", offset + rows.size());
            next.put("limit", nextLimit);
            if (fields != null) next.put("fields", fields);
            out.put("nextStep", "For the next rows, call get_run_data " + next.toString() + ".");
        } else {
            out.putNull("next");
            out.put("nextStep", rows.isEmpty() && offset > 0 ? "The offset is past the end of the file; start again at offset 0."
                    : "This page reaches the end of the file.");
        }
    }

    // ---- parsing --------------------------------------------------------------------------------------------

    record Page(String format, List<String> columns, List<ObjectNode> rows, Long total, boolean more) {}

    /** Counts the bytes read from the download. */
    static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count++;
            return c;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    /** Reads rows [offset, offset+limit) keeping at most {@code keepChars} of them; counts the rest if cheap. */
    static Page read(InputStream raw, long offset, int limit, int keepChars) throws IOException {
        CountingStream counted = new CountingStream(raw);
        BufferedInputStream in = new BufferedInputStream(counted, 64 * 1024);
        skipBom(in);
        int first = peekNonSpace(in);
        if (first == -1) return new Page("empty", List.of(), List.of(), 0L, false);
        try {
            if (first == '[' || first == '{') return readJson(in, counted, first == '[', offset, limit, keepChars);
            return readCsv(in, counted, offset, limit, keepChars);
        } catch (CsvReader.MalformedCsv e) {
            throw new ToolFailure("The file is not valid CSV: " + e.getMessage() + ".");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.indexOf('\n') >= 0) msg = msg.substring(0, msg.indexOf('\n'));
            if (msg != null && msg.contains(" (start marker")) msg = msg.substring(0, msg.indexOf(" (start marker"));
            if (msg != null && msg.startsWith("Unexpected end-of-input")) msg = "the file ends in the middle of a value";
            String where = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : "";
            throw new ToolFailure("The file is not valid JSON: " + msg + where + ".");
        }
    }

    private static Page readCsv(InputStream in, CountingStream counted, long offset, int limit, int keepChars)
            throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(reader, MAX_RECORD_CHARS);
        List<String> header = csv.next();
        List<String> columns = new ArrayList<>(header);
        List<ObjectNode> rows = new ArrayList<>();
        long index = 0;
        long kept = 0;
        boolean more = false;
        List<String> rec;
        while ((rec = csv.next()) != null) {
            if (index >= offset && rows.size() < limit && (rows.isEmpty() || kept < keepChars)) {
                ObjectNode row = F.objectNode();
                for (int i = 0; i < rec.size(); i++) {
                    if (i >= columns.size()) columns.add("column" + (i + 1));
                    row.put(columns.get(i), rec.get(i));
                    kept += rec.get(i).length() + columns.get(i).length() + 8;
                }
                rows.add(row);
            } else if (index >= offset) {
                more = true;
                if (counted.count > COUNT_SCAN_BYTES) return new Page("csv", columns, rows, null, true);
            }
            index++;
        }
        return new Page("csv", columns, rows, index, more);
    }

    private static Page readJson(InputStream in, CountingStream counted, boolean array, long offset, int limit,
            int keepChars) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (array && p.nextToken() != JsonToken.START_ARRAY) throw new ToolFailure("The file is not valid JSON.");
            LinkedHashSet<String> columns = new LinkedHashSet<>();
            List<ObjectNode> rows = new ArrayList<>();
            long index = 0;
            long kept = 0;
            boolean more = false;
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    if (array) throw new ToolFailure("The file is not valid JSON: the array is never closed.");
                    break;
                }
                if (array && t == JsonToken.END_ARRAY) {
                    if (p.nextToken() != null) throw new ToolFailure("The file is not valid JSON: text after the array.");
                    break;
                }
                boolean keep = index >= offset && rows.size() < limit && (rows.isEmpty() || kept < keepChars);
                if (keep) {
                    JsonNode value = MAPPER.readTree(p);
                    ObjectNode row;
                    if (value.isObject()) {
                        row = (ObjectNode) value;
                    } else {
                        row = F.objectNode();
                        row.set("value", value);
                    }
                    row.fieldNames().forEachRemaining(columns::add);
                    kept += value.toString().length();
                    rows.add(row);
                } else {
                    p.skipChildren();
                    if (index >= offset) {
                        more = true;
                        if (counted.count > COUNT_SCAN_BYTES) {
                            return new Page(array ? "json" : "ndjson", new ArrayList<>(columns), rows, null, true);
                        }
                    }
                }
                index++;
            }
            return new Page(array ? "json" : "ndjson", new ArrayList<>(columns), rows, index, more);
        }
    }

    private static void skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) in.reset();
    }

    private static int peekNonSpace(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int c = in.read();
            if (c == -1) return -1;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                in.reset();
                return c;
            }
        }
    }

    /** integer, number, boolean, date, datetime, string, object, array, or null when every value is empty. */
    static String inferType(List<ObjectNode> rows, String column) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ObjectNode r : rows) {
            JsonNode v = r.get(column);
            String t = typeOf(v);
            if (t != null) seen.merge(t, 1, Integer::sum);
        }
        if (seen.isEmpty()) return "null";
        if (seen.size() == 1) return seen.keySet().iterator().next();
        if (seen.keySet().stream().allMatch(t -> t.equals("integer") || t.equals("number"))) return "number";
        if (seen.keySet().stream().allMatch(t -> t.equals("date") || t.equals("datetime"))) return "datetime";
        return "string";
    }

    private static String typeOf(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber()) return "integer";
        if (v.isNumber()) return JsJson.number(v.doubleValue()).matches("-?[0-9]+") ? "integer" : "number";
        if (v.isBoolean()) return "boolean";
        if (v.isObject()) return "object";
        if (v.isArray()) return "array";
        String s = v.asText().trim();
        if (s.isEmpty()) return null;
        if (INTEGER.matcher(s).matches()) return "integer";
        if (NUMBER.matcher(s).matches()) return "number";
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return "boolean";
        if (DATE.matcher(s).matches()) return "date";
        if (DATETIME.matcher(s).matches()) return "datetime";
        return "string";
    }
}
