package com.sequentum.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sequentum.mcp.policy.Policies;
import com.sequentum.mcp.testing.ApiStub;
import com.sequentum.mcp.testing.InProcessMcp;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ResourceReference;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End to end through the SDK client and the stdio transport: prompts, resources, completions, logging. */
class McpProtocolTest {
    private final ApiStub api = ApiStub.start();
    private final InProcessMcp mcp = new InProcessMcp(api);

    @AfterEach
    void close() {
        mcp.close();
        api.close();
    }

    @Test
    void advertisesTheCapabilitiesAndSendsTheSufficiencyPolicyAsInstructions() {
        var caps = mcp.client.getServerCapabilities();
        assertThat(caps.prompts()).isNotNull();
        assertThat(caps.resources()).isNotNull();
        assertThat(caps.completions()).isNotNull();
        assertThat(caps.logging()).isNotNull();
        assertThat(mcp.client.getServerInstructions()).isEqualTo(Policies.SUFFICIENCY_POLICY);
    }

    @Test
    void listsElevenPromptsSevenResourcesAndElevenTemplates() {
        assertThat(mcp.client.listPrompts().prompts()).hasSize(11)
                .anySatisfy(p -> assertThat(p.name()).isEqualTo("build-agent-from-prompt"));
        assertThat(mcp.client.listResources().resources()).hasSize(7)
                .allSatisfy(r -> assertThat(r.mimeType()).isEqualTo("application/json"));
        assertThat(mcp.client.listResourceTemplates().resourceTemplates()).hasSize(11)
                .allSatisfy(r -> assertThat(r.mimeType()).isEqualTo("application/json"));
    }

    @Test
    void getsAPromptAsOneUserMessage() {
        var r = mcp.client.getPrompt(new GetPromptRequest("debug-agent", Map.of("agentName", "Amazon Scraper")));
        assertThat(r.messages()).hasSize(1);
        assertThat(r.messages().get(0).role().name()).isEqualTo("USER");
        assertThat(((TextContent) r.messages().get(0).content()).text()).contains("`Amazon Scraper`", "get_latest_failure");
    }

    @Test
    void promptErrorsAreInvalidParams() {
        McpError missing = (McpError) catchThrowable(() -> mcp.client.getPrompt(new GetPromptRequest("debug-agent", Map.of())));
        assertThat(missing.getJsonRpcError().code()).isEqualTo(-32602);
        assertThat(missing.getJsonRpcError().message()).isEqualTo("Missing required argument: agentName");

        McpError unknown = (McpError) catchThrowable(() -> mcp.client.getPrompt(new GetPromptRequest("non-existent-prompt", Map.of())));
        assertThat(unknown.getJsonRpcError().code()).isEqualTo(-32602);
        // answered by the SDK before our handlers run (the reference said "Unknown prompt: <name>")
        assertThat(unknown.getJsonRpcError().message()).isEqualTo("Invalid prompt name");
    }

    @Test
    void readsAStaticAndATemplatedResource() {
        api.json("{\"availableCredits\":100}");
        var balance = (TextResourceContents) mcp.client.readResource(new ReadResourceRequest("sequentum://billing/balance"))
                .contents().get(0);
        assertThat(balance.uri()).isEqualTo("sequentum://billing/balance");
        assertThat(balance.mimeType()).isEqualTo("application/json");
        assertThat(balance.text()).isEqualTo("{\n  \"availableCredits\": 100\n}");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/billing/credits");

        api.json("{\"id\":100,\"status\":\"Running\"}");
        var run = (TextResourceContents) mcp.client.readResource(new ReadResourceRequest("sequentum://agents/42/runs/100"))
                .contents().get(0);
        assertThat(run.uri()).isEqualTo("sequentum://agents/42/runs/100");
        assertThat(run.text()).isEqualTo("{\n  \"id\": 100,\n  \"status\": \"Running\"\n}");
        assertThat(ApiStub.target(api.take())).isEqualTo("/api/v1/agent/42/run/100/status");
    }

    @Test
    void resourceErrorsOnTheWire() {
        McpError unknown = (McpError) catchThrowable(() -> mcp.client.readResource(new ReadResourceRequest("sequentum://unknown")));
        assertThat(unknown.getJsonRpcError().code()).isEqualTo(-32002);
        assertThat(unknown.getJsonRpcError().message()).isEqualTo("Unknown resource URI: sequentum://unknown");

        McpError trailing = (McpError) catchThrowable(() -> mcp.client.readResource(new ReadResourceRequest("sequentum://spaces/5/")));
        assertThat(trailing.getJsonRpcError().message()).isEqualTo("Unknown resource URI: sequentum://spaces/5/");

        for (String uri : new String[] {"sequentum://agents/abc", "sequentum://agents/0/versions", "sequentum://agents/42/runs/x"}) {
            McpError invalid = (McpError) catchThrowable(() -> mcp.client.readResource(new ReadResourceRequest(uri)));
            assertThat(invalid.getJsonRpcError().code()).isEqualTo(-32602);
            assertThat(invalid.getJsonRpcError().message()).startsWith("Unknown resource URI: ").endsWith(": must be a positive integer)");
        }
        assertThat(api.requestCount()).isZero();

        api.json(404, "{\"message\":\"Agent not found\"}");
        McpError upstream = (McpError) catchThrowable(() -> mcp.client.readResource(new ReadResourceRequest("sequentum://agents/42")));
        assertThat(upstream.getJsonRpcError().code()).isEqualTo(-32603);
        assertThat(upstream.getJsonRpcError().message()).isEqualTo("Failed to read resource sequentum://agents/42: Agent not found");
    }

    @Test
    void completesTemplateVariablesWithIds() {
        api.json("[{\"id\":5,\"name\":\"Production\"},{\"id\":51,\"name\":\"Staging\"},{\"id\":7,\"name\":\"QA\"}]");
        var r = mcp.client.completeCompletion(new CompleteRequest(new ResourceReference("sequentum://spaces/{spaceId}"),
                new CompleteRequest.CompleteArgument("spaceId", "5")));
        assertThat(r.completion().values()).containsExactly("5", "51");
        assertThat(r.completion().hasMore()).isFalse();
    }

    @Test
    void logNotificationsFollowTheLevelTheClientSets() {
        api.json("{}");
        mcp.client.readResource(new ReadResourceRequest("sequentum://billing/spending"));

        mcp.client.setLoggingLevel(LoggingLevel.DEBUG);
        api.json("{}");
        mcp.client.readResource(new ReadResourceRequest("sequentum://billing/balance"));

        var n = mcp.awaitLog("Read resource sequentum://billing/balance (1 content item(s))");
        assertThat(n.level()).isEqualTo(LoggingLevel.DEBUG);
        assertThat(n.logger()).isEqualTo("sequentum-mcp");
        assertThat(mcp.logs).extracting(l -> l.data()).contains("Reading resource sequentum://billing/balance")
                .noneMatch(d -> d.contains("billing/spending")).noneMatch(d -> d.contains(ApiStub.API_KEY));
    }
}
