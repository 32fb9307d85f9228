package com.sequentum.mcp.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.audit.AuditLog;
import com.sequentum.mcp.policy.ControlSettings.Confirm;
import com.sequentum.mcp.testing.ApiStub;
import com.sequentum.mcp.testing.InProcessMcp;
import com.sequentum.mcp.tools.ToolSelection;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool selection, confirmations, idempotent starts, space scoping and audit, through the real server and SDK client. */
class OperatorControlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = "{\"id\":5,\"name\":\"Price Watch\",\"spaceId\":1}";
    private static final String RUN = "{\"id\":9,\"status\":\"Completed\",\"startTime\":\"2026-03-14T10:00:00Z\","
            + "\"recordsExtracted\":120,\"recordsExported\":118}";
    private static final String FILES = "[{\"id\":1,\"name\":\"prices.csv\",\"fileSize\":2048},"
            + "{\"id\":2,\"name\":\"log.txt\",\"fileSize\":512}]";
    private static final String SCHEDULE = "{\"id\":3,\"name\":\"Nightly\",\"cronExpression\":\"0 2 * * *\","
            + "\"timezone\":\"Europe/London\",\"nextRunTime\":\"2026-03-16T02:00:00Z\",\"isEnabled\":true}";

    private final List<String> asked = new CopyOnWriteArrayList<>();

    private InProcessMcp server(ApiStub api, ControlSettings control, ElicitResult answer) {
        if (answer == null) return new InProcessMcp(api, control, c -> c);
        return new InProcessMcp(api, control, c -> c.capabilities(ClientCapabilities.builder().elicitation().build())
                .elicitation(req -> {
                    asked.add(req.message());
                    return answer;
                }));
    }

    private static ElicitResult accept(boolean ticked) {
        return new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", ticked));
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static CallToolResult call(InProcessMcp mcp, String tool, Map<String, Object> args) {
        return mcp.client.callTool(new CallToolRequest(tool, args));
    }

    // ---- tool selection ---------------------------------------------------------------------------------------

    @Test
    void hiddenToolsAreNeitherListedNorCallable() {
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults()
                        .withSelection(ToolSelection.parse("agents", null, false)), null)) {
            assertThat(mcp.client.listTools().tools()).extracting(Tool::name)
                    .containsExactly("list_agents", "get_agent", "search_agents");
            assertThatThrownBy(() -> call(mcp, "delete_run", Map.of("agentId", 5, "runId", 9)))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(-32602);
                        assertThat(e.getJsonRpcError().data()).isEqualTo("Tool not found: delete_run");
                    });
            assertThat(api.requestCount()).isZero();
            assertThat(mcp.client.listPrompts().prompts()).extracting(p -> p.name())
                    .doesNotContain("run-and-monitor", "spending-report", "build-agent-from-prompt");
        }
    }

    @Test
    void readOnlyHidesEveryWriteTool() {
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults()
                        .withSelection(ToolSelection.parse(null, "start_agent,get_agent", true)), null)) {
            assertThat(mcp.client.listTools().tools()).extracting(Tool::name).containsExactly("get_agent");
            assertThatThrownBy(() -> call(mcp, "start_agent", Map.of("agentId", 5)))
                    .isInstanceOfSatisfying(McpError.class, e -> {
                        assertThat(e.getJsonRpcError().code()).isEqualTo(-32602);
                        assertThat(e.getJsonRpcError().data()).isEqualTo("Tool not found: start_agent");
                    });
            assertThat(api.requestCount()).isZero();
        }
    }

    // ---- confirmations ----------------------------------------------------------------------------------------

    @Test
    void deleteRunAsksWithAPreviewAndProceedsOnAcceptance() {
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults(), accept(true))) {
            api.json(AGENT).json(RUN).json(FILES).empty(204);
            CallToolResult r = call(mcp, "delete_run", Map.of("agentId", 5, "runId", 9));
            assertThat(r.isError()).isFalse();
            assertThat(text(r)).isEqualTo("Successfully deleted run 9 and all associated files from agent 5.");
            assertThat(asked).containsExactly("Delete run 9 of agent \"Price Watch\" (id 5)?\n"
                    + "Started: 2026-03-14T10:00:00Z; status: Completed; records extracted: 120, exported: 118.\n"
                    + "Files (2): prices.csv (2.00 KB), log.txt (0.50 KB)\n"
                    + "This cannot be undone.");
            assertThat(List.of(api.take().getMethod(), api.take().getMethod(), api.take().getMethod(),
                    api.take().getMethod())).containsExactly("GET", "GET", "GET", "DELETE");
        }
    }

    @Test
    void declinedOrCancelledOrUntickedChangesNothing() {
        for (var answer : List.of(new ElicitResult(ElicitResult.Action.DECLINE, null),
                new ElicitResult(ElicitResult.Action.CANCEL, null), accept(false))) {
            try (ApiStub api = ApiStub.start(); InProcessMcp mcp = server(api, ControlSettings.defaults(), answer)) {
                api.json(AGENT).json(RUN).json(FILES);
                CallToolResult r = call(mcp, "delete_run", Map.of("agentId", 5, "runId", 9));
                String how = answer.action() == ElicitResult.Action.CANCEL ? "cancelled" : "declined";
                assertThat(r.isError()).isFalse();
                assertThat(text(r)).isEqualTo("The user " + how + " the confirmation, so delete_run was not carried out. "
                        + "Nothing was changed. Do not retry unless the user asks again.");
                assertThat(api.requestCount()).as("only the three preview reads").isEqualTo(3);
                assertThat(r.structuredContent()).isEqualTo(Map.of("deleted", false, "agentId", 5, "runId", 9,
                        "removeMethod", "RemoveEntireRun", "runRecordKept", true, "confirmation", how, "changed", false));
            }
        }
    }

    @Test
    void killAgentAndDeleteScheduleShowWhatTheyAffect() {
        try (ApiStub api = ApiStub.start(); InProcessMcp mcp = server(api, ControlSettings.defaults(), accept(true))) {
            api.json(AGENT).json(RUN).empty(200);
            assertThat(call(mcp, "kill_agent", Map.of("agentId", 5, "runId", 9)).isError()).isFalse();
            api.json(AGENT).json(SCHEDULE).empty(200);
            assertThat(text(call(mcp, "delete_agent_schedule", Map.of("agentId", 5, "scheduleId", 3))))
                    .isEqualTo("Successfully deleted schedule 3 from agent 5");
            assertThat(asked).containsExactly(
                    "Stop (and, if it is already stopping, forcibly terminate) run 9 of agent \"Price Watch\" (id 5)?\n"
                            + "Started: 2026-03-14T10:00:00Z; status: Completed; records extracted: 120, exported: 118.\n"
                            + "A forced termination can lose data that was not exported yet.",
                    "Delete schedule \"Nightly\" (id 3) of agent \"Price Watch\" (id 5)?\n"
                            + "Timing: CRON 0 2 * * * (Europe/London); next run: 2026-03-16T02:00:00Z; enabled: true.\n"
                            + "The agent and its past runs are kept. This cannot be undone.");
        }
    }

    @Test
    void withoutElicitationTheDefaultPolicyProceedsAndAlwaysRefuses() {
        try (ApiStub api = ApiStub.start(); InProcessMcp mcp = server(api, ControlSettings.defaults(), null)) {
            api.empty(204);
            assertThat(text(call(mcp, "delete_run", Map.of("agentId", 5, "runId", 9))))
                    .isEqualTo("Successfully deleted run 9 and all associated files from agent 5.");
            assertThat(api.take().getMethod()).isEqualTo("DELETE");
        }
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults().withConfirm(Confirm.ALWAYS), null)) {
            CallToolResult r = call(mcp, "delete_agent_schedule", Map.of("agentId", 5, "scheduleId", 3));
            assertThat(r.isError()).isTrue();
            assertThat(text(r)).startsWith("Error: delete_agent_schedule needs the user's confirmation, but this MCP "
                    + "client cannot ask for it").contains("Nothing was changed.");
            assertThat(api.requestCount()).isZero();
        }
    }

    @Test
    void alwaysAsksAClientThatCanAndNeverAsksNobody() {
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults().withConfirm(Confirm.ALWAYS),
                        new ElicitResult(ElicitResult.Action.DECLINE, null))) {
            api.json(AGENT).json(RUN);
            assertThat(text(call(mcp, "kill_agent", Map.of("agentId", 5, "runId", 9)))).startsWith("The user declined");
            assertThat(api.requestCount()).isEqualTo(2);
        }
        asked.clear();
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults().withConfirm(Confirm.NEVER), accept(false))) {
            api.empty(200);
            assertThat(text(call(mcp, "kill_agent", Map.of("agentId", 5, "runId", 9)))).startsWith("Kill command sent");
            assertThat(asked).isEmpty();
            assertThat(api.requestCount()).isEqualTo(1);
        }
    }

    // ---- idempotent starts ------------------------------------------------------------------------------------

    @Test
    void aRepeatedKeyReturnsTheFirstRunWithoutASecondStart() {
        try (ApiStub api = ApiStub.start(); InProcessMcp mcp = server(api, ControlSettings.defaults(), null)) {
            api.json("{\"id\":77,\"status\":\"Queuing\"}");
            Map<String, Object> args = Map.of("agentId", 5, "idempotencyKey", "order-42");
            String first = text(call(mcp, "start_agent", args));
            assertThat(first).isEqualTo("Agent started successfully.\n\n{\n  \"id\": 77,\n  \"status\": \"Queuing\"\n}");
            CallToolResult again = call(mcp, "start_agent", args);
            assertThat(again.isError()).isFalse();
            assertThat(text(again)).startsWith(first + "\n\nNote: idempotencyKey \"order-42\" was already used at ")
                    .endsWith("; this is the result of that earlier call. Nothing new was started.");
            assertThat(api.requestCount()).isEqualTo(1);
            CallToolResult other = call(mcp, "start_agent", Map.of("agentId", 6, "idempotencyKey", "order-42"));
            assertThat(other.isError()).isTrue();
            assertThat(text(other)).startsWith("Error: idempotencyKey \"order-42\" was already used for a different request");
            assertThat(api.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void keysAreValidated() {
        try (ApiStub api = ApiStub.start(); InProcessMcp mcp = server(api, ControlSettings.defaults(), null)) {
            assertThat(call(mcp, "run_space_agents", Map.of("spaceId", 1, "idempotencyKey", "")).isError()).isTrue();
            assertThat(call(mcp, "start_agent", Map.of("agentId", 1, "idempotencyKey", "k".repeat(129))).isError())
                    .isTrue();
            assertThat(api.requestCount()).isZero();
        }
    }

    // ---- space scoping ----------------------------------------------------------------------------------------

    private static final String SPACES = "[{\"id\":1,\"name\":\"Marketing\"},{\"id\":2,\"name\":\"Finance\"}]";

    @Test
    void callsOutsideTheAllowedSpacesAreRefusedBeforeAnyWrite() {
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults().withAllowedSpaces(List.of("marketing")), null)) {
            api.json(SPACES).json("{\"id\":8,\"name\":\"Payroll\",\"spaceId\":2}");
            CallToolResult r = call(mcp, "start_agent", Map.of("agentId", 8));
            assertThat(r.isError()).isTrue();
            assertThat(text(r)).isEqualTo("Error: Agent 8 is outside the spaces this server is allowed to use "
                    + "(SEQUENTUM_ALLOWED_SPACES). Nothing was read or changed.");
            CallToolResult space = call(mcp, "run_space_agents", Map.of("spaceId", 2));
            assertThat(text(space)).isEqualTo("Error: Space 2 is outside the spaces this server is allowed to use "
                    + "(SEQUENTUM_ALLOWED_SPACES). Nothing was read or changed.");
            CallToolResult build = call(mcp, "start_agent_build", Map.of("prompt", "Scrape prices from example.com"));
            assertThat(text(build)).startsWith("Error: With SEQUENTUM_ALLOWED_SPACES set, pass the spaceId");
            assertThat(api.requestCount()).isEqualTo(2);
            assertThat(api.take().getMethod()).isEqualTo("GET");
            assertThat(api.take().getMethod()).isEqualTo("GET");
        }
    }

    @Test
    void listsShowOnlyTheAllowedSpaces() throws Exception {
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults().withAllowedSpaces(List.of("2")), null)) {
            api.json(SPACES).json(SPACES);
            JsonNode spaces = JSON.readTree(text(call(mcp, "list_spaces", Map.of())));
            assertThat(spaces.toString()).isEqualTo("[{\"id\":2,\"name\":\"Finance\"}]");
            api.json("[{\"id\":5,\"name\":\"A\",\"spaceId\":1},{\"id\":8,\"name\":\"B\",\"spaceId\":2}]");
            JsonNode agents = JSON.readTree(text(call(mcp, "search_agents", Map.of("query", "x"))));
            assertThat(agents).hasSize(1);
            assertThat(agents.get(0).get("id").asInt()).isEqualTo(8);
        }
    }

    // ---- audit ------------------------------------------------------------------------------------------------

    @Test
    void writeCallsLeaveOneRedactedAuditLineEach(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("audit.jsonl");
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults().withAuditLog(log.toString()),
                        new ElicitResult(ElicitResult.Action.DECLINE, null))) {
            api.json("{\"id\":77,\"status\":\"Queuing\"}");
            call(mcp, "start_agent", Map.of("agentId", 5, "inputParameters", "{\"email\":\"jane@example.com\"}",
                    "idempotencyKey", "k-1"));
            call(mcp, "start_agent", Map.of("agentId", 5, "inputParameters", "{\"email\":\"jane@example.com\"}",
                    "idempotencyKey", "k-1"));
            api.json(AGENT).json(RUN).json(FILES);
            call(mcp, "delete_run", Map.of("agentId", 5, "runId", 9));
            api.json("[]");
            call(mcp, "list_spaces", Map.of());
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(3);
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain("jane@example.com", "inputParameters", "email", ApiStub.API_KEY, "k-1");
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("time", "principal", "tool", "ids", "outcome",
                "upstreamStatus", "durationMs");
        assertThat(first.get("upstreamStatus").asInt()).isEqualTo(200);
        assertThat(first.get("time").asText()).isEqualTo(ApiStub.NOW.toString());
        assertThat(first.get("principal").asText()).isEqualTo(AuditLog.hash("stdio")).hasSize(16);
        assertThat(first.get("tool").asText()).isEqualTo("start_agent");
        assertThat(first.get("ids").toString()).isEqualTo("{\"agentId\":5}");
        assertThat(first.get("outcome").asText()).isEqualTo("ok");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("outcome").asText()).isEqualTo("replayed");
        assertThat(second.get("idempotent").asBoolean()).isTrue();
        assertThat(second.has("upstreamStatus")).as("a replay never reaches the API").isFalse();
        JsonNode third = JSON.readTree(lines.get(2));
        assertThat(third.get("tool").asText()).isEqualTo("delete_run");
        assertThat(third.get("ids").toString()).isEqualTo("{\"agentId\":5,\"runId\":9}");
        assertThat(third.get("outcome").asText()).isEqualTo("declined");
        assertThat(third.has("upstreamStatus")).as("the preview lookups are not the call").isFalse();
    }

    @Test
    void theAuditLineCarriesTheUpstreamStatusOfTheCallItself(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("audit.jsonl");
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults().withAuditLog(log.toString()),
                        accept(true))) {
            api.json(AGENT).json(RUN).json(FILES).empty(204);
            assertThat(call(mcp, "delete_run", Map.of("agentId", 5, "runId", 9)).isError()).isFalse();
            api.json(404, "{\"title\":\"Not Found\",\"detail\":\"No agent 6\"}");
            assertThat(call(mcp, "stop_agent", Map.of("agentId", 6, "runId", 1)).isError()).isTrue();
            call(mcp, "stop_agent", Map.of("agentId", "x", "runId", 1));
        }
        List<JsonNode> lines = Files.readAllLines(log).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("time", "principal", "tool", "ids",
                "outcome", "confirmation", "upstreamStatus", "durationMs");
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("ok");
        assertThat(lines.get(0).get("confirmation").asText()).isEqualTo("confirmed");
        assertThat(lines.get(0).get("upstreamStatus").asInt()).isEqualTo(204);
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("error");
        assertThat(lines.get(1).get("upstreamStatus").asInt()).isEqualTo(404);
        assertThat(lines.get(2).get("outcome").asText()).isEqualTo("error");
        assertThat(lines.get(2).has("upstreamStatus")).as("a rejected argument never reaches the API").isFalse();
    }

    @Test
    void theRecentAuditEntriesAreAResourceOnlyWhileAuditingIsOn(@TempDir Path dir) throws Exception {
        try (ApiStub api = ApiStub.start(); InProcessMcp mcp = server(api, ControlSettings.defaults(), null)) {
            assertThat(mcp.client.listResources().resources()).extracting(r -> r.uri())
                    .hasSize(7).doesNotContain("sequentum://audit/recent");
            assertThatThrownBy(() -> mcp.client.readResource(new ReadResourceRequest("sequentum://audit/recent")))
                    .hasMessageContaining("Unknown resource URI: sequentum://audit/recent");
        }
        try (ApiStub api = ApiStub.start();
                InProcessMcp mcp = server(api, ControlSettings.defaults()
                        .withAuditLog(dir.resolve("a.jsonl").toString()), null)) {
            List<Resource> listed = mcp.client.listResources().resources();
            assertThat(listed).hasSize(8);
            Resource audit = listed.get(7);
            assertThat(audit.uri()).isEqualTo("sequentum://audit/recent");
            assertThat(audit.mimeType()).isEqualTo("application/json");
            assertThat(readAudit(mcp)).isEqualTo("[]");
            api.json("{\"id\":77,\"status\":\"Queuing\"}");
            call(mcp, "start_agent", Map.of("agentId", 5, "inputParameters", "{\"token\":\"sk-live-999\"}"));
            api.empty(204);
            call(mcp, "stop_agent", Map.of("agentId", 5, "runId", 77));
            api.json("[]");
            call(mcp, "list_spaces", Map.of());
            JsonNode entries = JSON.readTree(readAudit(mcp));
            assertThat(entries).hasSize(2);
            assertThat(entries.get(0).get("tool").asText()).as("newest first").isEqualTo("stop_agent");
            assertThat(entries.get(0).get("ids").toString()).isEqualTo("{\"agentId\":5,\"runId\":77}");
            assertThat(entries.get(0).get("upstreamStatus").asInt()).isEqualTo(204);
            assertThat(entries.get(1).get("tool").asText()).isEqualTo("start_agent");
            assertThat(entries.toString()).doesNotContain("sk-live-999", "inputParameters", ApiStub.API_KEY);
            assertThat(Files.readAllLines(dir.resolve("a.jsonl"))).hasSize(2);
        }
    }

    private static String readAudit(InProcessMcp mcp) {
        ReadResourceResult r = mcp.client.readResource(new ReadResourceRequest("sequentum://audit/recent"));
        assertThat(r.contents()).hasSize(1);
        return ((TextResourceContents) r.contents().get(0)).text();
    }
}
