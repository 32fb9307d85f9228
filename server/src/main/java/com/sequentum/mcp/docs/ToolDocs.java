package com.sequentum.mcp.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.tools.Category;
import com.sequentum.mcp.tools.Hints;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code docs/tools.md} from {@link ToolCatalogue}, the single source of truth. {@code ToolDocsTest} fails
 * when the committed file differs; {@code -Dupdate.docs=true} (or running this class) rewrites it.
 */
public final class ToolDocs {
    private ToolDocs() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/tools.md");
        if (target.getParent() != null) Files.createDirectories(target.getParent());
        Files.writeString(target, render(ToolCatalogue.all()), StandardCharsets.UTF_8);
        System.err.println("wrote " + target.toAbsolutePath());
    }

    public static String render(List<ToolSpec> tools) {
        StringBuilder md = new StringBuilder();
        long readOnly = tools.stream().filter(t -> t.hints().readOnly()).count();
        md.append("# Tools\n\n");
        md.append("<!-- Generated from ToolCatalogue by com.sequentum.mcp.docs.ToolDocs. Do not edit by hand: run\n");
        md.append("     ./mvnw -q -o test -pl server -am -Dtest=ToolDocsTest -Dupdate.docs=true -->\n\n");
        md.append(tools.size()).append(" tools: ").append(readOnly).append(" read-only, ").append(tools.size() - readOnly)
                .append(" that change something. Annotations: `readOnly` = `readOnlyHint: true`; write tools state ")
                .append("`destructiveHint` and `openWorldHint` explicitly; no tool sets `idempotentHint`.\n");
        md.append("Every numeric parameter is declared as JSON-schema `number`; the handlers check integers and ranges.\n");
        md.append("Every tool also declares an `outputSchema`; successful results carry `structuredContent` (always an object: ")
                .append("lists as `{\"items\": [...]}`) next to the unchanged text. The Output column lists its top-level ")
                .append("members (**bold** = always present); unknown extra members and nulls are allowed. See docs/results.md.\n");
        for (Category c : Category.values()) {
            List<ToolSpec> inCategory = tools.stream().filter(t -> t.category() == c).toList();
            if (inCategory.isEmpty()) continue;
            md.append("\n## ").append(c.title()).append("\n\n");
            md.append("| Tool | Title | Annotations | Parameters | Output (structuredContent) | Description |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (ToolSpec t : inCategory) {
                md.append("| `").append(t.name()).append("` | ").append(cell(t.title())).append(" | ")
                        .append(annotations(t.hints())).append(" | ").append(parameters(t.inputSchema())).append(" | ")
                        .append(output(t.outputSchema())).append(" | ")
                        .append(cell(t.description())).append(" |\n");
            }
        }
        return md.toString();
    }

    static String annotations(Hints h) {
        if (h.readOnly()) return "readOnly";
        List<String> parts = new ArrayList<>();
        parts.add("readOnly: false");
        if (h.destructive() != null) parts.add("destructive: " + h.destructive());
        if (h.openWorld() != null) parts.add("openWorld: " + h.openWorld());
        return String.join("<br>", parts);
    }

    static String parameters(JsonNode schema) {
        JsonNode props = schema.path("properties");
        if (!props.fields().hasNext()) return "—";
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            StringBuilder s = new StringBuilder("`").append(e.getKey()).append("` ").append(p.path("type").asText("any"))
                    .append(required.contains(e.getKey()) ? ", **required**" : ", optional");
            if (p.has("enum")) {
                List<String> values = new ArrayList<>();
                p.get("enum").forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
                s.append(", one of ").append(String.join(" \\| ", values));
            }
            if (p.has("minLength")) s.append(", minLength ").append(p.get("minLength").asInt());
            if (p.has("maxLength")) s.append(", maxLength ").append(p.get("maxLength").asInt());
            out.add(s.toString());
        }
        return String.join("<br>", out);
    }

    static String output(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = "`" + e.getKey() + "`";
            out.add(required.contains(e.getKey()) ? "**" + name + "**" : name);
        }
        return out.isEmpty() ? "—" : String.join(", ", out);
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n\n", "<br><br>").replace("\n", "<br>");
    }
}
