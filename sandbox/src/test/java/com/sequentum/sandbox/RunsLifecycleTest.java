package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.sandbox.state.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunsLifecycleTest {
    static SandboxServer fast;
    static SandboxServer slow;
    static Http h;
    static Http hs;
    static final String DEFAULT_START = "{\"Parallelism\":1,\"ParallelMaxConcurrency\":1,\"ParallelExport\":\"Combined\",\"Timeout\":60,"
            + "\"IsExclusive\":true,\"IsWaitOnFailure\":false,\"IsRunSynchronously\":false,\"LogLevel\":\"Info\",\"LogMode\":\"Text\"}";

    @BeforeAll
    static void start() {
        fast = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000));
        slow = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(2));
        h = Http.apiKey(fast);
        hs = Http.apiKey(slow);
    }

    @AfterAll
    static void stop() {
        fast.close();
        slow.close();
    }

    static JsonNode awaitTerminal(Http http, int agentId, int runId) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            JsonNode r = http.get("/api/v1/agent/" + agentId + "/run/" + runId + "/status").json();
            if (!RunStatus.isActive(r.get("status").asText())) return r;
            Thread.sleep(10);
        }
        throw new AssertionError("run " + runId + " did not finish");
    }

    @Test
    void historyCoversEveryRunStatus() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        int total = 0;
        for (JsonNode a : h.get("/api/v1/agent/all").json()) {
            JsonNode runs = h.get("/api/v1/agent/" + a.get("id").asInt() + "/runs").json();
            total += runs.size();
            runs.forEach(r -> seen.add(r.get("status").asText()));
        }
        assertThat(total).isGreaterThanOrEqualTo(300);
        assertThat(seen).containsAll(RunStatus.ALL);
        JsonNode limited = h.get("/api/v1/agent/101/runs?maxRecords=2").json();
        assertThat(limited.size()).isEqualTo(2);
        assertThat(limited.get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "configId", "organizationId", "status", "startTime",
                "endTime", "startedBy", "errorMessage", "recordsExtracted", "recordsExported", "parallelism", "parallelSet", "logLevel", "logMode");
    }

    @Test
    void startedRunCompletesWithFilesAndSignedDownload() throws Exception {
        int agent = fast.state().reliableStartableAgents().get(0);
        double before = h.get("/api/v1/billing/credits").json().get("availableCredits").asDouble();
        Http.Resp started = h.post("/api/v1/agent/" + agent + "/start", DEFAULT_START);
        assertThat(started.status()).isEqualTo(200);
        int runId = started.json().get("id").asInt();
        assertThat(started.json().get("status").asText()).isIn("Queued", "Starting", "Running", "Completed");
        JsonNode done = awaitTerminal(h, agent, runId);
        assertThat(done.get("status").asText()).isEqualTo("Completed");
        int records = done.get("recordsExported").asInt();
        assertThat(records).isPositive();
        assertThat(h.get("/api/v1/billing/credits").json().get("availableCredits").asDouble()).isLessThan(before);

        JsonNode files = h.get("/api/v1/agent/" + agent + "/run/" + runId + "/files").json();
        assertThat(files.size()).isEqualTo(2);
        for (JsonNode f : files) {
            assertThat(f.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "fileType", "fileSize", "created", "regionId");
            Http.Resp redirect = h.get("/api/v1/agent/" + agent + "/run/" + runId + "/file/" + f.get("id").asInt() + "/download");
            assertThat(redirect.status()).isEqualTo(302);
            String location = redirect.header("Location");
            assertThat(location).startsWith(fast.baseUrl() + "/").contains("sig=").contains("expires=");
            Http.Resp file = h.withAuth(null).get(location);
            assertThat(file.status()).isEqualTo(200);
            assertThat((long) file.bytes().length).isEqualTo(f.get("fileSize").asLong());
            String text = new String(file.bytes(), StandardCharsets.UTF_8);
            if (f.get("fileType").asText().equals("CSV")) {
                assertThat(text.split("\r\n")).hasSize(records + 1);
            } else {
                assertThat(Http.M.readTree(text).size()).isEqualTo(records);
            }
            Http.Resp tampered = h.withAuth(null).get(location.replace("sig=", "sig=00"));
            assertThat(tampered.status()).isEqualTo(403);
        }
    }

    @Test
    void synchronousRunReturnsScrapedData() {
        int agent = fast.state().reliableStartableAgents().get(1);
        Http.Resp r = h.post("/api/v1/agent/" + agent + "/start", DEFAULT_START.replace("\"IsRunSynchronously\":false", "\"IsRunSynchronously\":true"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.json();
        assertThat(data.isArray()).isTrue();
        assertThat(data.size()).isPositive();
        assertThat(data.get(0).isObject()).isTrue();
    }

    @Test
    void failingAgentFailsAndHasDiagnostics() throws Exception {
        int agent = fast.state().agentsFailingByDesign().get(0);
        int runId = h.post("/api/v1/agent/" + agent + "/start", "{}").json().get("id").asInt();
        JsonNode done = awaitTerminal(h, agent, runId);
        assertThat(done.get("status").asText()).isEqualTo("Failed");
        assertThat(done.get("errorMessage").asText()).isNotBlank();
        JsonNode latest = h.get("/api/v1/analytics/agents/" + agent + "/latest-failure").json();
        assertThat(latest.get("runId").asInt()).isEqualTo(runId);
        assertThat(latest.get("possibleCauses").size()).isPositive();
        assertThat(latest.get("suggestedActions").size()).isPositive();
        assertThat(latest.get("stats").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("dataCount", "inputCount", "errorCount", "pageCount", "exportCount", "traffic");
    }

    @Test
    void startValidation() {
        int agent = fast.state().reliableStartableAgents().get(2);
        assertThat(h.post("/api/v1/agent/" + agent + "/start", "{\"LogLevel\":\"Loud\"}").status()).isEqualTo(400);
        assertThat(h.post("/api/v1/agent/" + agent + "/start", "{\"Parallelism\":\"many\"}").status()).isEqualTo(400);
        assertThat(h.post("/api/v1/agent/" + agent + "/start", "{\"InputParameters\":\"{not json\"}").status()).isEqualTo(400);
        assertThat(h.post("/api/v1/agent/999/start", "{}").status()).isEqualTo(404);
        int shared = h.get("/api/v1/agent/all?configType=Shared").json().get(0).get("id").asInt();
        assertThat(h.post("/api/v1/agent/" + shared + "/start", "{}").status()).isEqualTo(400);
    }

    @Test
    void stopAndKillAndDelete() throws Exception {
        List<Integer> agents = slow.state().reliableStartableAgents();
        int a1 = agents.get(0);
        int a2 = agents.get(1);
        int run1 = hs.post("/api/v1/agent/" + a1 + "/start", DEFAULT_START).json().get("id").asInt();
        // exclusive start while active -> 400
        assertThat(hs.post("/api/v1/agent/" + a1 + "/start", DEFAULT_START).status()).isEqualTo(400);
        Http.Resp del = hs.delete("/api/v1/agent/" + a1 + "/run/" + run1);
        assertThat(del.status()).isEqualTo(400);
        assertThat(del.json().get("message").asText()).isEqualTo("Run is currently active and cannot be deleted");
        assertThat(hs.post("/api/v1/agent/" + a1 + "/run/" + run1 + "/stop", null).status()).isEqualTo(204);
        assertThat(hs.get("/api/v1/agent/" + a1 + "/run/" + run1 + "/status").json().get("status").asText()).isEqualTo("Stopping");
        assertThat(awaitTerminal(hs, a1, run1).get("status").asText()).isEqualTo("Stopped");

        int run2 = hs.post("/api/v1/agent/" + a2 + "/start", DEFAULT_START).json().get("id").asInt();
        assertThat(hs.post("/api/v1/agent/" + a2 + "/run/" + run2 + "/kill", null).status()).isEqualTo(204);
        assertThat(hs.get("/api/v1/agent/" + a2 + "/run/" + run2 + "/status").json().get("status").asText()).isEqualTo("Stopping");
        assertThat(hs.post("/api/v1/agent/" + a2 + "/run/" + run2 + "/kill", null).status()).isEqualTo(204);
        assertThat(hs.get("/api/v1/agent/" + a2 + "/run/" + run2 + "/status").json().get("status").asText()).isEqualTo("Stopped");

        assertThat(hs.delete("/api/v1/agent/" + a2 + "/run/" + run2 + "?removeMethod=Foo").status()).isEqualTo(400);
        assertThat(hs.delete("/api/v1/agent/" + a2 + "/run/" + run2).status()).isEqualTo(204);
        assertThat(hs.get("/api/v1/agent/" + a2 + "/run/" + run2 + "/status").status()).isEqualTo(404);
    }

    @Test
    void deleteRemoveMethods() {
        int agent = 101;
        JsonNode runs = h.get("/api/v1/agent/" + agent + "/runs").json();
        int withFiles1 = -1;
        int withFiles2 = -1;
        for (JsonNode r : runs) {
            if (r.get("status").asText().equals("Completed") && r.get("recordsExported").asInt() > 0) {
                if (withFiles1 < 0) withFiles1 = r.get("id").asInt();
                else if (withFiles2 < 0) withFiles2 = r.get("id").asInt();
            }
        }
        String base = "/api/v1/agent/" + agent + "/run/";
        assertThat(h.get(base + withFiles1 + "/files").json().size()).isEqualTo(2);
        assertThat(h.delete(base + withFiles1 + "?removeMethod=RemoveAllFiles").status()).isEqualTo(204);
        assertThat(h.get(base + withFiles1 + "/status").status()).isEqualTo(200);
        assertThat(h.get(base + withFiles1 + "/files").json().size()).isZero();
        assertThat(h.delete(base + withFiles2 + "?removeMethod=RemoveAllFilesAndAgentInput").status()).isEqualTo(204);
        assertThat(h.get(base + withFiles2 + "/files").json().size()).isZero();
        assertThat(h.delete(base + withFiles2 + "?removeMethod=RemoveEntireRun").status()).isEqualTo(204);
        assertThat(h.get(base + withFiles2 + "/status").status()).isEqualTo(404);
        assertThat(h.get(base + "1/status").status()).isEqualTo(404);
    }
}
