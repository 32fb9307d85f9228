package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BillingAnalyticsTest {
    static SandboxServer sb;
    static Http h;
    static String start;
    static String end;
    static String period;

    @BeforeAll
    static void startServer() {
        sb = SandboxServer.start(SandboxConfig.defaults().withPort(0).withTimeScale(1000));
        h = Http.apiKey(sb);
        start = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        end = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        period = Http.form("startDate", start, "endDate", end);
    }

    @AfterAll
    static void stop() { sb.close(); }

    @Test
    void creditsAndSpendingAgree() {
        JsonNode credits = h.get("/api/v1/billing/credits").json();
        assertThat(credits.fieldNames()).toIterable().containsExactlyInAnyOrder("availableCredits", "organizationId", "retrievedAt");
        JsonNode spending = h.get("/api/v1/billing/spending?" + period).json();
        assertThat(spending.fieldNames()).toIterable().containsExactlyInAnyOrder("totalSpent", "startDate", "endDate", "organizationId", "currentBalance");
        assertThat(spending.get("currentBalance").asDouble()).isEqualTo(credits.get("availableCredits").asDouble());
        assertThat(spending.get("totalSpent").asDouble()).isPositive();

        JsonNode agents = h.get("/api/v1/billing/agents?" + period + "&pageIndex=1&recordsPerPage=1000").json();
        assertThat(agents.get("totalCost").asDouble()).isCloseTo(spending.get("totalSpent").asDouble(), within(0.001));
        double sum = 0;
        for (JsonNode a : agents.get("agents")) {
            assertThat(a.fieldNames()).toIterable().containsExactlyInAnyOrder("agentId", "agentName", "cost", "spaceId");
            sum += a.get("cost").asDouble();
        }
        assertThat(sum).isCloseTo(agents.get("totalCost").asDouble(), within(0.01));
        assertThat(agents.get("totalRecordCount").asInt()).isEqualTo(agents.get("agents").size());
        JsonNode page = h.get("/api/v1/billing/agents?" + period + "&pageIndex=2&recordsPerPage=3&sortColumn=cost&sortOrder=1").json();
        assertThat(page.get("agents").size()).isEqualTo(3);
        assertThat(page.get("agents").get(0).get("cost").asDouble()).isLessThanOrEqualTo(agents.get("agents").get(2).get("cost").asDouble());

        // credit history: newest first, balance of the newest equals the available credits
        JsonNode hist = h.get("/api/v1/billing/history?pageIndex=1&recordsPerPage=5").json();
        assertThat(hist.get("transactions").size()).isEqualTo(5);
        assertThat(hist.get("totalCount").asInt()).isGreaterThan(5);
        assertThat(hist.get("pageIndex").asInt()).isEqualTo(1);
        assertThat(hist.get("recordsPerPage").asInt()).isEqualTo(5);
        assertThat(hist.get("transactions").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "transactionType", "amount", "balance", "created", "expiresAt", "message");
        assertThat(hist.get("transactions").get(0).get("balance").asDouble()).isCloseTo(credits.get("availableCredits").asDouble(), within(0.001));
    }

    @Test
    void agentBreakdownAndRunsAgree() {
        JsonNode agents = h.get("/api/v1/billing/agents?" + period).json();
        JsonNode top = agents.get("agents").get(0);
        int id = top.get("agentId").asInt();
        JsonNode breakdown = h.get("/api/v1/billing/agents/" + id + "?" + period + "&timeUnit=day").json();
        assertThat(breakdown.get("totalCost").asDouble()).isCloseTo(top.get("cost").asDouble(), within(0.001));
        int labels = breakdown.get("labels").size();
        double typesSum = 0;
        for (JsonNode u : breakdown.get("usageTypes")) {
            assertThat(u.get("data").size()).isEqualTo(labels);
            typesSum += u.get("totalCost").asDouble();
        }
        assertThat(breakdown.get("usageTypes").size()).isEqualTo(5);
        assertThat(typesSum).isCloseTo(breakdown.get("totalCost").asDouble(), within(0.01));
        JsonNode monthly = h.get("/api/v1/billing/agents/" + id + "?" + period + "&timeUnit=month&usageTypes=Server+Time").json();
        assertThat(monthly.get("usageTypes").size()).isEqualTo(1);
        assertThat(monthly.get("usageTypes").get(0).get("type").asText()).isEqualTo("Server Time");
        assertThat(monthly.get("labels").get(0).asText()).matches("\\d{4}-\\d{2}");

        JsonNode runs = h.get("/api/v1/billing/agents/" + id + "/runs?" + period + "&pageIndex=1&recordsPerPage=500&sortColumn=cost&sortOrder=1").json();
        double sum = 0;
        for (JsonNode r : runs.get("runs")) {
            assertThat(r.fieldNames()).toIterable().containsExactlyInAnyOrder("runId", "date", "startTime", "endTime", "cost", "billingType");
            sum += r.get("cost").asDouble();
        }
        assertThat(sum).isCloseTo(top.get("cost").asDouble(), within(0.01));
        assertThat(runs.get("totalCost").asDouble()).isCloseTo(top.get("cost").asDouble(), within(0.001));
        assertThat(runs.get("agentId").asInt()).isEqualTo(id);
        JsonNode proxyOnly = h.get("/api/v1/billing/agents/" + id + "/runs?" + period + "&usageTypes=Proxy+Data").json();
        assertThat(proxyOnly.get("totalCost").asDouble()).isLessThanOrEqualTo(runs.get("totalCost").asDouble());
    }

    @Test
    void billingValidation() {
        assertThat(h.get("/api/v1/billing/agents/101?" + period + "&timeUnit=year").status()).isEqualTo(400);
        assertThat(h.get("/api/v1/billing/agents?startDate=notadate&endDate=" + end).status()).isEqualTo(400);
        assertThat(h.get("/api/v1/billing/agents?" + period + "&usageTypes=Coffee").status()).isEqualTo(400);
        assertThat(h.get("/api/v1/billing/agents/101/runs?" + period + "&sortColumn=size").status()).isEqualTo(400);
        assertThat(h.get("/api/v1/billing/agents/999?" + period).status()).isEqualTo(404);
        assertThat(h.get("/api/v1/billing/spending?startDate=" + end + "&endDate=" + start).status()).isEqualTo(400);
    }

    @Test
    void runsSummaryCountsExactlyThePeriod() {
        JsonNode all = h.get("/api/v1/agent/all").json();
        Instant s = Instant.parse(start);
        Instant e = Instant.parse(end);
        int total = 0;
        int failed = 0;
        long extracted = 0;
        for (JsonNode a : all) {
            for (JsonNode r : h.get("/api/v1/agent/" + a.get("id").asInt() + "/runs").json()) {
                Instant t = Instant.parse(r.get("startTime").asText());
                if (t.isBefore(s) || t.isAfter(e)) continue;
                total++;
                String st = r.get("status").asText();
                if (st.equals("Failed") || st.equals("FailedToStart")) failed++;
                extracted += r.get("recordsExtracted").isNull() ? 0 : r.get("recordsExtracted").asLong();
            }
        }
        JsonNode sum = h.get("/api/v1/analytics/runs/summary?" + period + "&includeDetails=true").json();
        assertThat(sum.get("totalRuns").asInt()).isEqualTo(total);
        assertThat(sum.get("failedRuns").asInt()).isEqualTo(failed);
        assertThat(sum.get("failedRunDetails").size()).isEqualTo(failed);
        JsonNode detail = sum.get("failedRunDetails").get(0);
        assertThat(detail.fieldNames()).toIterable().containsExactlyInAnyOrder("runId", "agentId", "agentName", "startTime", "endTime",
                "status", "errorMessage", "spaceId", "spaceName");
        int parts = sum.get("completedRuns").asInt() + sum.get("failedRuns").asInt() + sum.get("completedWithErrorsRuns").asInt()
                + sum.get("runningRuns").asInt() + sum.get("queuedRuns").asInt() + sum.get("stoppedRuns").asInt();
        assertThat(parts).isLessThanOrEqualTo(total);
        JsonNode onlyFailed = h.get("/api/v1/analytics/runs/summary?" + period + "&status=Failed").json();
        assertThat(onlyFailed.get("totalRuns").asInt()).isEqualTo(onlyFailed.get("failedRuns").asInt());
        assertThat(h.get("/api/v1/analytics/runs/summary?status=Exploded").status()).isEqualTo(400);
        assertThat(h.get("/api/v1/analytics/runs/summary?includeDetails=maybe").status()).isEqualTo(400);

        JsonNode rec = h.get("/api/v1/analytics/records/summary?" + period).json();
        assertThat(rec.get("runCount").asInt()).isEqualTo(total);
        assertThat(rec.get("totalRecordsExtracted").asLong()).isEqualTo(extracted);
        assertThat(rec.fieldNames()).toIterable().containsExactlyInAnyOrder("startDate", "endDate", "totalRecordsExtracted",
                "totalRecordsExported", "totalErrors", "totalPageLoads", "runCount", "agentId");
        JsonNode one = h.get("/api/v1/analytics/records/summary?" + period + "&agentId=101").json();
        assertThat(one.get("agentId").asInt()).isEqualTo(101);
        assertThat(one.get("runCount").asInt()).isEqualTo(h.get("/api/v1/agent/101/runs").json().size());
    }

    @Test
    void diagnosticsAndLatestFailure() {
        int never = sb.state().agentsNeverFailed().get(0);
        Http.Resp none = h.get("/api/v1/analytics/agents/" + never + "/latest-failure");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("message").asText()).isEqualTo("No failures found for this agent");
        int failing = sb.state().agentsFailingByDesign().get(0);
        JsonNode latest = h.get("/api/v1/analytics/agents/" + failing + "/latest-failure").json();
        assertThat(latest.get("status").asText()).isEqualTo("Failed");
        int runId = latest.get("runId").asInt();
        JsonNode diag = h.get("/api/v1/analytics/agents/" + failing + "/runs/" + runId + "/diagnostics").json();
        assertThat(diag.fieldNames()).toIterable().containsExactlyInAnyOrder("runId", "agentId", "agentName", "status", "errorMessage",
                "startTime", "endTime", "runtimeSeconds", "stats", "possibleCauses", "suggestedActions");
        assertThat(diag.get("possibleCauses").size()).isPositive();
        assertThat(h.get("/api/v1/analytics/agents/" + failing + "/runs/1/diagnostics").status()).isEqualTo(404);
    }
}
