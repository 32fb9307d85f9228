package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTest {
    @Test
    void infoAndResetRestoreTheSeededAccount() throws Exception {
        try (SandboxServer sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000))) {
            Http h = Http.apiKey(sb);
            Http admin = h.withAuth(null);
            JsonNode info = admin.get("/__sandbox/info").json();
            assertThat(info.get("agentsFailingByDesign").size()).isPositive();
            assertThat(info.get("agentsNeverRan").size()).isPositive();
            assertThat(info.get("agentsNeverFailed").size()).isPositive();
            String before = h.get("/api/v1/agent/all").text();
            int agent = info.get("reliableStartableAgents").get(0).asInt();
            int run = h.post("/api/v1/agent/" + agent + "/start", "{}").json().get("id").asInt();
            RunsLifecycleTest.awaitTerminal(h, agent, run);
            h.post("/api/v1/agent/101/version/1/restore", "{\"content\":\"x\"}");
            sb.faults().add(FaultRule.on("GET", "/api/v1/spaces").status(500));
            assertThat(h.get("/api/v1/agent/all").text()).isNotEqualTo(before);
            assertThat(admin.post("/__sandbox/reset", null).status()).isEqualTo(204);
            assertThat(h.get("/api/v1/agent/all").text()).isEqualTo(before);
            assertThat(h.get("/api/v1/agent/" + agent + "/run/" + run + "/status").status()).isEqualTo(404);
            assertThat(h.get("/api/v1/spaces").status()).isEqualTo(200);
        }
    }

    @Test
    void oversizedBodiesAreRejected() {
        try (SandboxServer sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000))) {
            String big = "{\"prompt\":\"" + "a".repeat(1_100_000) + "\"}";
            Http.Resp r = Http.apiKey(sb).post("/api/v1/agent-builder/start", big);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().get("statusCode").asInt()).isEqualTo(413);
        }
    }
}
