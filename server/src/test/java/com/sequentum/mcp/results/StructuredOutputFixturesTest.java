package com.sequentum.mcp.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.json.JsJson;
import com.sequentum.mcp.testing.ApiStub;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolResult;
import com.sequentum.mcp.tools.ToolSpec;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every tool against hostile but legal API payloads: every known field null, plus members nobody documented. The
 * structured value must still validate (an invalid one would make the SDK turn the success into an error), and for
 * JSON results the text is exactly the pretty form of the structured value (list results wrapped as items).
 */
class StructuredOutputFixturesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Set<String> VOID = Set.of("stop_agent", "kill_agent", "delete_run", "restore_agent_version",
            "delete_agent_schedule", "enable_agent_schedule", "disable_agent_schedule", "stop_agent_build");

    static Map<String, Object> args(String tool) {
        Map<String, Object> a = new LinkedHashMap<>();
        ToolSpec t = ToolCatalogue.find(tool).orElseThrow();
        for (JsonNode r : t.inputSchema().get("required")) {
            String n = r.asText();
            a.put(n, switch (n) {
                case "agentId", "runId", "fileId", "scheduleId", "spaceId", "versionNumber" -> 7;
                case "prompt" -> "Collect product names from https://example.com";
                default -> "x";
            });
        }
        if (tool.equals("create_agent_schedule")) a.put("cronExpression", "0 9 * * *");
        return a;
    }

    /** An object with every property of the record schema null, plus undocumented members. */
    static ObjectNode nulls(JsonNode recordSchema) {
        ObjectNode o = F.objectNode();
        for (Iterator<String> it = recordSchema.path("properties").fieldNames(); it.hasNext();) {
            String p = it.next();
            if (!p.equals("items") && !p.equals("truncation")) o.putNull(p);
        }
        o.put("undocumentedNumber", 1.5);
        o.putObject("undocumentedObject").putArray("deep").add("x");
        return o;
    }

    @Test
    void hostilePayloadsStillValidateForEveryTool() {
        for (ToolSpec t : ToolCatalogue.all()) {
            if (t.name().equals("get_run_data")) continue; // reads files, see RunDataTest
            try (ApiStub api = ApiStub.start()) {
                JsonNode schema = t.outputSchema();
                JsonNode body;
                if (VOID.contains(t.name())) {
                    api.empty(204);
                    body = null;
                } else if (t.name().equals("get_file_download_url")) {
                    api.redirect("https://storage.example.com/f.csv?sig=abc");
                    body = null;
                } else if (schema.at("/properties/items").isObject() && !t.name().equals("start_agent")) {
                    ArrayNode arr = F.arrayNode();
                    arr.add(nulls(schema.at("/properties/items/items")));
                    arr.add(nulls(schema.at("/properties/items/items")));
                    body = arr;
                } else {
                    body = nulls(schema);
                }
                if (body != null) api.json(body.toString());
                ToolResult r = api.call(t.name(), args(t.name()));
                Structured.assertValid(t.name(), r);
                if (r.value() != null) {
                    assertThat(r.text()).as(t.name()).endsWith(JsJson.pretty(r.value()));
                    assertThat(r.structured()).as(t.name()).isEqualTo(ToolResult.structure(r.value()));
                }
            }
        }
    }

    @Test
    void fixedSentenceToolsStateTheSameFactsAsSmallObjects() {
        try (ApiStub api = ApiStub.start()) {
            api.empty(204);
            ToolResult r = api.call("stop_agent", Map.of("agentId", 5, "runId", 7));
            assertThat(r.text()).isEqualTo("Successfully stopped run 7 for agent 5");
            assertThat(r.structured().toString()).isEqualTo("{\"stopped\":true,\"agentId\":5,\"runId\":7}");
            api.empty(204);
            r = api.call("delete_run", Map.of("agentId", 5, "runId", 7, "removeMethod", "RemoveAllFiles"));
            assertThat(r.structured().toString()).isEqualTo(
                    "{\"deleted\":true,\"agentId\":5,\"runId\":7,\"removeMethod\":\"RemoveAllFiles\",\"runRecordKept\":true}");
            api.json("[]");
            r = api.call("get_run_files", Map.of("agentId", 5, "runId", 7));
            assertThat(r.text()).isEqualTo("No files found for this run.");
            assertThat(r.structured().toString()).isEqualTo("{\"items\":[]}");
            api.text(200, "plain text data");
            r = api.call("start_agent", Map.of("agentId", 5, "isRunSynchronously", true));
            assertThat(r.text()).isEqualTo("plain text data");
            assertThat(r.structured().toString()).isEqualTo("{\"value\":\"plain text data\"}");
        }
    }

    @Test
    void errorResultsStayTextOnly() {
        try (ApiStub api = ApiStub.start()) {
            api.json(404, "{\"message\":\"Agent 42 not found\"}");
            ToolResult r = api.call("get_agent", Map.of("agentId", 42));
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).isEqualTo("Not Found: Agent 42 not found");
            assertThat(r.structured()).isNull();
        }
    }
}
