package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-session tool selection by headers at initialize; later headers change nothing; unknown names fail initialize. */
class HttpToolSelectionTest {
    private static String open(HttpHarness h, String token, String... headers) {
        HttpHarness.Resp r = h.post(token, null, HttpHarness.initializeBody(), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String sid = r.header("mcp-session-id");
        assertThat(h.post(token, sid, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").status())
                .isEqualTo(202);
        return sid;
    }

    private static List<String> tools(HttpHarness h, String token, String sid, String... headers) {
        JsonNode m = h.post(token, sid, HttpHarness.request(2, "tools/list", null), headers).message();
        List<String> names = new ArrayList<>();
        m.at("/result/tools").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    @Test
    void twoSessionsWithDifferentHeadersSeeDifferentTools() {
        try (HttpHarness h = HttpHarness.start()) {
            String agents = open(h, HttpHarness.TOKEN, "X-MCP-Toolsets", "agents");
            String readOnlyRuns = open(h, HttpHarness.TOKEN, "X-MCP-Toolsets", "runs", "X-MCP-Readonly", "true");
            String plain = open(h, HttpHarness.TOKEN);
            assertThat(tools(h, HttpHarness.TOKEN, agents)).containsExactly("list_agents", "get_agent", "search_agents");
            assertThat(tools(h, HttpHarness.TOKEN, readOnlyRuns)).containsExactly("get_agent_runs", "get_run_status");
            assertThat(tools(h, HttpHarness.TOKEN, plain)).hasSize(com.sequentum.mcp.tools.ToolCatalogue.all().size());
            // headers on later requests cannot widen (or change) the session's selection
            assertThat(tools(h, HttpHarness.TOKEN, agents, "X-MCP-Toolsets", "all", "X-MCP-Readonly", "false"))
                    .containsExactly("list_agents", "get_agent", "search_agents");
            JsonNode call = h.post(HttpHarness.TOKEN, readOnlyRuns, HttpHarness.request(3, "tools/call",
                    "{\"name\":\"delete_run\",\"arguments\":{\"agentId\":5,\"runId\":9}}"), "X-MCP-Readonly", "false")
                    .message();
            assertThat(call.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(call.at("/error/data").asText()).isEqualTo("Tool not found: delete_run");
            assertThat(h.api.requestCount()).isZero();
            JsonNode init = h.post(HttpHarness.TOKEN, null, HttpHarness.initializeBody(), "X-MCP-Toolsets", "billing")
                    .json();
            assertThat(init.at("/result/instructions").asText()).startsWith("SUFFICIENCY POLICY");
        }
    }

    @Test
    void unknownNamesFailTheInitializeRequestWithTheValidNames() {
        try (HttpHarness h = HttpHarness.start()) {
            HttpHarness.Resp r = h.post(HttpHarness.TOKEN, null, HttpHarness.initializeBody(), "X-MCP-Toolsets",
                    "agents,payments");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("mcp-session-id")).isNull();
            JsonNode body = r.json();
            assertThat(body.get("id").asInt()).isEqualTo(1);
            assertThat(body.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(body.at("/error/message").asText()).isEqualTo("Invalid tool selection headers: Unknown toolset: "
                    + "payments. Valid toolsets: all, agents, runs, files, versions, schedules, billing, spaces, "
                    + "analytics, builder");
            HttpHarness.Resp t = h.post(HttpHarness.TOKEN, null, HttpHarness.initializeBody(), "X-MCP-Tools", "rm_rf");
            assertThat(t.status()).isEqualTo(400);
            assertThat(t.json().at("/error/message").asText()).startsWith("Invalid tool selection headers: Unknown tool: "
                    + "rm_rf. Valid tools: list_agents, ");
            assertThat(h.post(HttpHarness.TOKEN, null, HttpHarness.initializeBody(), "X-MCP-Readonly", "maybe").status())
                    .isEqualTo(400);
            assertThat(h.server.sessionCount()).isZero();
        }
    }

    @Test
    void headersSelectOnlyWithinTheOperatorsSelection() {
        try (HttpHarness h = HttpHarness.start(Map.of("SEQUENTUM_READ_ONLY", "true", "SEQUENTUM_TOOLSETS", "agents,runs"))) {
            String plain = open(h, HttpHarness.TOKEN);
            assertThat(tools(h, HttpHarness.TOKEN, plain)).containsExactly("list_agents", "get_agent", "search_agents",
                    "get_agent_runs", "get_run_status");
            String widened = open(h, HttpHarness.TOKEN, "X-MCP-Tools", "start_agent,get_agent", "X-MCP-Readonly", "false");
            assertThat(tools(h, HttpHarness.TOKEN, widened)).containsExactly("get_agent");
        }
    }

    @Test
    void sessionsOfAllSelectionsAreClosedOnDelete() {
        try (HttpHarness h = HttpHarness.start()) {
            String sid = open(h, HttpHarness.TOKEN, "X-MCP-Toolsets", "billing");
            assertThat(h.server.sessionCount()).isEqualTo(1);
            assertThat(h.delete(HttpHarness.TOKEN, sid).status()).isEqualTo(200);
            assertThat(h.server.sessionCount()).isZero();
            assertThat(h.post(HttpHarness.TOKEN, sid, HttpHarness.request(2, "tools/list", null)).status()).isEqualTo(404);
        }
    }
}
