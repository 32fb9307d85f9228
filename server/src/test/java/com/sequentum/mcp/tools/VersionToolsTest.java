package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.testing.ApiStub;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract: get_agent_versions, restore_agent_version. */
class VersionToolsTest {
    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static ToolSpec spec(String name) { return ToolCatalogue.find(name).orElseThrow(); }

    @Test
    void versionToolsHaveTitlesAnnotationsAndSchemas() {
        assertThat(VersionTools.tools()).extracting(ToolSpec::name).containsExactly("get_agent_versions", "restore_agent_version");
        assertThat(VersionTools.tools()).extracting(ToolSpec::title).containsExactly("Get Agent Versions", "Restore Agent Version");
        assertThat(spec("get_agent_versions").hints()).isEqualTo(new Hints(true, null, null));
        assertThat(spec("restore_agent_version").hints()).isEqualTo(new Hints(false, false, false));
        assertThat(spec("get_agent_versions").inputSchema().get("required").toString()).isEqualTo("[\"agentId\"]");
        var restore = spec("restore_agent_version").inputSchema();
        assertThat(restore.get("required").toString()).isEqualTo("[\"agentId\",\"versionNumber\",\"comments\"]");
        assertThat(restore.at("/properties/versionNumber/type").asText()).isEqualTo("number");
        assertThat(restore.at("/properties/comments/type").asText()).isEqualTo("string");
    }

    @Test
    void getAgentVersionsReturnsTheApiArray() {
        api.json("[{\"userName\":\"ana\",\"version\":2,\"created\":\"2026-01-02T00:00:00Z\",\"comments\":\"fix\",\"fileSize\":1.0}]");

        ToolResult r = api.call("get_agent_versions", Map.of("agentId", 42));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/versions");
        assertThat(r.text()).isEqualTo("[\n  {\n    \"userName\": \"ana\",\n    \"version\": 2,\n"
                + "    \"created\": \"2026-01-02T00:00:00Z\",\n    \"comments\": \"fix\",\n    \"fileSize\": 1\n  }\n]");
    }

    @Test
    void getAgentVersionsRetriesABadGatewayOnce() {
        api.text(502, "Bad gateway").json("[]");

        ToolResult r = api.call("get_agent_versions", Map.of("agentId", 42));

        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("[]");
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/versions");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/versions");
        assertThat(api.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void getAgentVersionsReportsAProblemDetailsNotFound() {
        api.json(404, "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\","
                + "\"status\":404,\"detail\":\"Agent with ID 999 was not found\",\"instance\":\"/api/v1/agent/999/versions\"}");

        ToolResult r = api.call("get_agent_versions", Map.of("agentId", 999));

        assertThat(r.isError()).isTrue();
        // The API-derived message is "<title>: <detail>"; the tool prefix comes on top, as in the reference.
        assertThat(r.text()).isEqualTo("Not Found: Not Found: Agent with ID 999 was not found");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void restoreAgentVersionPostsTheCommentAsContent() {
        api.empty(204);

        ToolResult r = api.call("restore_agent_version",
                Map.of("agentId", 42, "versionNumber", 2, "comments", "Restoring to stable version"));

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/42/version/2/restore");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
        assertThat(ApiStub.body(req)).isEqualTo("{\"content\":\"Restoring to stable version\"}");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo(
                "Successfully restored agent 42 to version 2.\n\nA new version has been created based on version 2.");
    }

    @Test
    void restoreAgentVersionAcceptsAnEmptyComment() {
        api.empty(200);

        ToolResult r = api.call("restore_agent_version", Map.of("agentId", 42, "versionNumber", 3, "comments", ""));

        assertThat(ApiStub.body(api.take())).isEqualTo("{\"content\":\"\"}");
        assertThat(r.isError()).isFalse();
    }

    @Test
    void restoreAgentVersionValidatesInOrder() {
        assertThat(api.call("restore_agent_version", Map.of("versionNumber", 0)).text())
                .isEqualTo("Error: Missing required parameter: agentId");
        assertThat(api.call("restore_agent_version", Map.of("agentId", 42, "versionNumber", 0)).text())
                .isEqualTo("Error: Invalid parameter 'versionNumber': must be >= 1, got 0");
        assertThat(api.call("restore_agent_version", Map.of("agentId", 42, "versionNumber", 2)).text())
                .isEqualTo("Error: Missing required parameter: comments");
        assertThat(api.call("restore_agent_version", Map.of("agentId", 42, "versionNumber", 2, "comments", 7)).text())
                .isEqualTo("Error: Invalid parameter 'comments': expected a string, got number");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void restoreAgentVersionIsNotRetriedOnABadGateway() {
        api.text(502, "Bad gateway").empty(204);

        ToolResult r = api.call("restore_agent_version", Map.of("agentId", 42, "versionNumber", 2, "comments", "x"));

        assertThat(r.text()).isEqualTo("Server Error: The Sequentum API encountered an internal error (502). "
                + "This is a server-side issue \u2014 please try again later.");
        assertThat(api.requestCount()).isEqualTo(1);
    }
}
