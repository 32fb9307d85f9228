package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.sandbox.state.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConcurrencyTest {
    @Test
    void eightClientsStartingAndStoppingKeepStateConsistent() throws Exception {
        try (SandboxServer sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(200))) {
            Http h = Http.apiKey(sb);
            List<Integer> agents = sb.state().reliableStartableAgents();
            List<Integer> all = new ArrayList<>();
            for (JsonNode a : h.get("/api/v1/agent/all?configType=Agent").json()) all.add(a.get("id").asInt());
            double creditsBefore = h.get("/api/v1/billing/credits").json().get("availableCredits").asDouble();
            AtomicInteger started = new AtomicInteger();
            AtomicInteger unexpected = new AtomicInteger();
            List<Integer> runIds = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int worker = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        int agent = i % 3 == 0 ? agents.get((worker + i) % agents.size()) : all.get((worker * 7 + i) % all.size());
                        String body = "{\"IsExclusive\":" + (i % 2 == 0) + "}";
                        Http.Resp r = h.post("/api/v1/agent/" + agent + "/start", body);
                        if (r.status() == 200) {
                            started.incrementAndGet();
                            int runId = r.json().get("id").asInt();
                            runIds.add(runId);
                            String base = "/api/v1/agent/" + agent + "/run/" + runId;
                            int action = (worker + i) % 3;
                            int s = action == 0 ? h.post(base + "/stop", null).status()
                                    : action == 1 ? h.post(base + "/kill", null).status() : h.get(base + "/status").status();
                            if (s != 204 && s != 200 && s != 400) unexpected.incrementAndGet();
                        } else if (r.status() != 400) {
                            unexpected.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            assertThat(unexpected.get()).isZero();
            assertThat(started.get()).isGreaterThan(20);
            assertThat(runIds).doesNotHaveDuplicates();

            // wait for every live run to finish (timeScale 200: at most ~150 ms each)
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                boolean active = false;
                for (int id : runIds) {
                    if (sb.state().activeRunIds().contains(id)) active = true;
                }
                if (!active) break;
                Thread.sleep(20);
            }
            assertThat(sb.state().activeRunIds()).doesNotContainAnyElementsOf(runIds);

            // every agent's status reflects its newest run; run ids unique across agents
            for (JsonNode a : h.get("/api/v1/agent/all").json()) {
                JsonNode runs = h.get("/api/v1/agent/" + a.get("id").asInt() + "/runs").json();
                if (runs.size() == 0) {
                    assertThat(a.get("status").isNull()).isTrue();
                } else {
                    assertThat(a.get("status").asInt()).isEqualTo(RunStatus.agentCode(runs.get(0).get("status").asText()));
                }
            }
            String period = Http.form("startDate", Instant.now().minus(90, ChronoUnit.DAYS).toString(),
                    "endDate", Instant.now().plus(1, ChronoUnit.DAYS).toString());
            JsonNode credits = h.get("/api/v1/billing/credits").json();
            JsonNode spending = h.get("/api/v1/billing/spending?" + period).json();
            JsonNode usage = h.get("/api/v1/billing/agents?" + period).json();
            assertThat(credits.get("availableCredits").asDouble()).isLessThan(creditsBefore);
            assertThat(spending.get("currentBalance").asDouble()).isEqualTo(credits.get("availableCredits").asDouble());
            assertThat(usage.get("totalCost").asDouble()).isCloseTo(spending.get("totalSpent").asDouble(), within(0.001));
            // the ledger: purchases minus all run costs equals the balance
            JsonNode hist = h.get("/api/v1/billing/history?pageIndex=1&recordsPerPage=1000").json();
            double sum = 0;
            for (JsonNode t : hist.get("transactions")) sum += t.get("amount").asDouble();
            assertThat(sum).isCloseTo(credits.get("availableCredits").asDouble(), within(0.01));
            assertThat(sum).isCloseTo(7750.0 - spending.get("totalSpent").asDouble(), within(0.01));
        }
    }
}
