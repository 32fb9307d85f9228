package com.sequentum.mcp.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.sandbox.SandboxConfig;
import com.sequentum.sandbox.SandboxServer;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every static resource and every template reads real data from the sandbox account over HTTP. */
class ResourcesAgainstSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxServer sandbox;
    private static SequentumApi api;
    private static ResourceCatalogue catalogue;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000));
        api = new SequentumApi(ApiHttp.create(sandbox.baseUrl(), Duration.ofSeconds(10)), Credentials.apiKey(sandbox.apiKey()));
        catalogue = new ResourceCatalogue(ctx -> api, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode read(String uri) throws Exception {
        ReadResourceResult result = catalogue.read(api, uri);
        TextResourceContents first = (TextResourceContents) result.contents().get(0);
        assertThat(first.uri()).isEqualTo(uri);
        assertThat(first.mimeType()).isEqualTo("application/json");
        return JSON.readTree(first.text());
    }

    @Test
    void everyStaticResourceReadsJsonFromTheAccount() throws Exception {
        for (ResourceDef def : ResourceCatalogue.staticResources()) {
            JsonNode value = read(def.uri());
            assertThat(value.isContainerNode()).as(def.uri()).isTrue();
            assertThat(value.isEmpty()).as(def.uri() + " is empty").isFalse();
        }
        assertThat(read("sequentum://agents").size()).as("the first page holds every seeded agent (<= 50)").isGreaterThanOrEqualTo(30);
        assertThat(read("sequentum://agents").get(0).has("spaceId")).as("raw agent objects, not summaries").isTrue();
    }

    @Test
    void everyTemplateReadsTheAgentOrRunItNames() throws Exception {
        int agentId = sandbox.state().agentsFailingByDesign().get(0);
        long runId = read("sequentum://agents/" + agentId + "/latest-failure").get("runId").asLong();
        long spaceId = read("sequentum://agents/" + agentId).get("spaceId").asLong();

        for (ResourceDef def : ResourceCatalogue.templates()) {
            String uri = def.uri().replace("{agentId}", String.valueOf(agentId)).replace("{runId}", String.valueOf(runId))
                    .replace("{spaceId}", String.valueOf(spaceId));
            JsonNode value = read(uri);
            assertThat(value.isContainerNode()).as(uri).isTrue();
        }
        assertThat(read("sequentum://agents/" + agentId + "/runs/" + runId).get("id").asLong()).isEqualTo(runId);
        assertThat(read("sequentum://agents/" + agentId + "/runs/" + runId + "/diagnostics").get("runId").asLong())
                .isEqualTo(runId);
        assertThat(read("sequentum://spaces/" + spaceId).get("id").asLong()).isEqualTo(spaceId);
        assertThat(read("sequentum://agents/" + agentId + "/cost-breakdown").get("agentId").asLong()).isEqualTo(agentId);
    }
}
