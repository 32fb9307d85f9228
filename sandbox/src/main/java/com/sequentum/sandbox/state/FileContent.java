package com.sequentum.sandbox.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Deterministic generation of scraped rows and the CSV / JSON output files built from them. */
public final class FileContent {
    private static final String[] WORDS = {"Classic", "Premium", "Compact", "Deluxe", "Eco", "Smart", "Pro", "Ultra",
            "Vintage", "Modern", "Portable", "Wireless", "Organic", "Family", "Travel", "Studio"};
    private static final String[] NOUNS = {"Coffee Maker", "Headphones", "Backpack", "Desk Lamp", "Blender", "Jacket",
            "Sneakers", "Monitor", "Cookware Set", "Office Chair", "Tent", "Watch", "Speaker", "Router", "Novel", "Drill"};
    private static final String[] CITIES = {"Seattle", "Austin", "Denver", "Boston", "Chicago", "Miami", "Portland", "Atlanta"};

    private FileContent() {}

    /** Rows as a JSON array of {@code rows} objects with the agent's columns. */
    public static ArrayNode rows(long seed, Agent agent, int runId, int rows) {
        Random r = new Random(seed * 1_000_003L + agent.id * 7919L + runId);
        ArrayNode arr = Json.array();
        List<String> cols = agent.columns;
        for (int i = 0; i < rows; i++) {
            ObjectNode o = arr.addObject();
            for (String c : cols) o.put(c, value(c, i, r, agent));
        }
        return arr;
    }

    private static String value(String col, int i, Random r, Agent agent) {
        String c = col.toLowerCase();
        if (c.equals("rank") || c.equals("position")) return Integer.toString(i + 1);
        if (c.contains("price") || c.contains("rate") && !c.contains("rating")) {
            return String.format(java.util.Locale.ROOT, "%.2f", 5 + r.nextInt(50000) / 100.0);
        }
        if (c.contains("rating")) return String.format(java.util.Locale.ROOT, "%.1f", 1 + r.nextInt(41) / 10.0);
        if (c.contains("count") || c.contains("reviews") || c.contains("stars") || c.contains("beds")) {
            return Integer.toString(r.nextInt(5000));
        }
        if (c.contains("url") || c.contains("link")) {
            String base = agent.startUrl == null ? "https://example.com" : agent.startUrl.replaceAll("(https?://[^/]+).*", "$1");
            return base + "/item/" + Integer.toHexString(r.nextInt(0xFFFFFF) + 0x100000);
        }
        if (c.contains("date") || c.contains("time")) {
            return java.time.LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700)).toString();
        }
        if (c.contains("city") || c.contains("location")) return CITIES[r.nextInt(CITIES.length)];
        return WORDS[r.nextInt(WORDS.length)] + " " + NOUNS[r.nextInt(NOUNS.length)];
    }

    public static byte[] json(long seed, Agent agent, int runId, int rows) {
        return Json.bytes(rows(seed, agent, runId, rows));
    }

    public static byte[] csv(long seed, Agent agent, int runId, int rows) {
        ArrayNode data = rows(seed, agent, runId, rows);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", agent.columns.stream().map(FileContent::quote).toList())).append("\r\n");
        for (int i = 0; i < data.size(); i++) {
            ObjectNode o = (ObjectNode) data.get(i);
            for (int j = 0; j < agent.columns.size(); j++) {
                if (j > 0) sb.append(',');
                sb.append(quote(o.get(agent.columns.get(j)).asText()));
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    public static byte[] content(long seed, Agent agent, RunFile f) {
        return "CSV".equals(f.fileType) ? csv(seed, agent, f.runId, f.rows) : json(seed, agent, f.runId, f.rows);
    }
}
