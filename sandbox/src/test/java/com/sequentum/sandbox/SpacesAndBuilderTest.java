package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpacesAndBuilderTest extends SandboxTest {
    @Test
    void spaces() {
        JsonNode spaces = h.get("/api/v1/spaces").json();
        assertThat(spaces.size()).isGreaterThanOrEqualTo(3);
        int defaults = 0;
        for (JsonNode s : spaces) {
            assertThat(s.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "description", "organizationId",
                    "created", "updated", "isDefaultAccess");
            if (s.get("isDefaultAccess").asBoolean()) defaults++;
        }
        assertThat(defaults).isEqualTo(1);
        assertThat(h.get("/api/v1/spaces/2").json().get("id").asInt()).isEqualTo(2);
        assertThat(h.get("/api/v1/spaces/77").status()).isEqualTo(404);
        JsonNode agents = h.get("/api/v1/spaces/2/agents").json();
        assertThat(agents.size()).isPositive();
        assertThat(agents.get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "description", "configType",
                "status", "validationStatus", "lastActivity");
        assertThat(h.get("/api/v1/spaces/search?name=Bot%20Blocking").json().get("name").asText()).isEqualTo("Bot Blocking");
        assertThat(h.get("/api/v1/spaces/search?name=Test%20%26%20Demo").json().get("name").asText()).isEqualTo("Test & Demo");
        Http.Resp missing = h.get("/api/v1/spaces/search?name=Nowhere");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void runAllStartsEveryAgentOfTheSpace() throws Exception {
        Http.Resp r = h.post("/api/v1/spaces/1/run-all", "{\"InputParameters\":\"{\\\"mode\\\":\\\"full\\\"}\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode res = r.json();
        int inSpace = h.get("/api/v1/spaces/1/agents").json().size();
        assertThat(res.get("spaceId").asInt()).isEqualTo(1);
        assertThat(res.get("spaceName").asText()).isEqualTo("Default");
        assertThat(res.get("totalAgents").asInt()).isEqualTo(inSpace);
        assertThat(res.get("agentsStarted").asInt() + res.get("agentsFailed").asInt()).isEqualTo(inSpace);
        assertThat(res.get("agentsFailed").asInt()).isPositive(); // shared agents cannot run
        for (JsonNode x : res.get("results")) {
            assertThat(x.fieldNames()).toIterable().containsExactlyInAnyOrder("agentId", "agentName", "success", "runId", "errorMessage");
            if (x.get("success").asBoolean()) {
                assertThat(x.get("runId").asInt()).isPositive();
                RunsLifecycleTest.awaitTerminal(h, x.get("agentId").asInt(), x.get("runId").asInt());
            } else {
                assertThat(x.get("errorMessage").asText()).isNotBlank();
            }
        }
        assertThat(h.post("/api/v1/spaces/1/run-all", "{}").status()).isEqualTo(200);
        assertThat(h.post("/api/v1/spaces/99/run-all", "{}").status()).isEqualTo(404);
    }

    JsonNode awaitBuild(String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode s = h.get("/api/v1/agent-builder/" + id + "/status").json();
            if (!s.get("status").asText().equals("processing")) return s;
            Thread.sleep(10);
        }
        throw new AssertionError("build did not finish");
    }

    @Test
    void builderCreatesAgentFromUrlInPrompt() throws Exception {
        Http.Resp r = h.post("/api/v1/agent-builder/start",
                "{\"prompt\":\"Scrape all product names and prices from https://shop.example.org/catalog please\",\"spaceId\":2}");
        assertThat(r.status()).isEqualTo(200);
        String id = r.json().get("sessionId").asText();
        assertThat(id).isNotEmpty();
        JsonNode done = awaitBuild(id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("error").isNull()).isTrue();
        int agentId = done.get("agentId").asInt();
        JsonNode agent = h.get("/api/v1/agent/" + agentId).json();
        assertThat(agent.get("startUrl").asText()).isEqualTo("https://shop.example.org/catalog");
        assertThat(agent.get("spaceId").asInt()).isEqualTo(2);
        assertThat(agent.get("name").asText()).isEqualTo(done.get("agentName").asText());

        String def = h.post("/api/v1/agent-builder/start", "{\"prompt\":\"Collect the headlines from https://news.example.com\"}")
                .json().get("sessionId").asText();
        int defAgent = awaitBuild(def).get("agentId").asInt();
        assertThat(h.get("/api/v1/agent/" + defAgent).json().get("spaceId").asInt()).isEqualTo(1);
    }

    @Test
    void builderErrorsCancellationAndValidation() throws Exception {
        String noUrl = h.post("/api/v1/agent-builder/start", "{\"prompt\":\"Scrape every product from the shop I like\"}").json().get("sessionId").asText();
        JsonNode err = awaitBuild(noUrl);
        assertThat(err.get("status").asText()).isEqualTo("error");
        assertThat(err.get("error").asText()).isNotBlank();
        assertThat(err.get("agentId").isNull()).isTrue();

        SandboxServer slow = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1));
        try {
            Http hs = Http.apiKey(slow);
            String id = hs.post("/api/v1/agent-builder/start", "{\"prompt\":\"Scrape https://example.com/list\"}").json().get("sessionId").asText();
            assertThat(hs.get("/api/v1/agent-builder/" + id + "/status").json().get("status").asText()).isEqualTo("processing");
            assertThat(hs.post("/api/v1/agent-builder/" + id + "/stop", null).status()).isEqualTo(204);
            assertThat(hs.get("/api/v1/agent-builder/" + id + "/status").json().get("status").asText()).isEqualTo("cancelled");
        } finally {
            slow.close();
        }
        assertThat(h.get("/api/v1/agent-builder/nope/status").status()).isEqualTo(404);
        assertThat(h.post("/api/v1/agent-builder/start", "{\"prompt\":\"short\"}").status()).isEqualTo(400);
        assertThat(h.post("/api/v1/agent-builder/start", "{}").status()).isEqualTo(400);
        assertThat(h.post("/api/v1/agent-builder/start", "{\"prompt\":\"Scrape https://example.com now\",\"spaceId\":42}").status()).isEqualTo(404);
    }
}
