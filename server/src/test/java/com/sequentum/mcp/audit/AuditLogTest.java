package com.sequentum.mcp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit line's shape and the in-memory ring behind {@code sequentum://audit/recent}. */
class AuditLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T14:30:00Z"), ZoneOffset.UTC);

    @Test
    void theUpstreamStatusSitsBetweenTheOutcomeDetailsAndTheDuration() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditLog log = AuditLog.to(out, CLOCK);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("upstreamStatus", 404);
        extra.put("error", "Not Found");
        log.record("alice", "stop_agent", Map.of("agentId", 5, "runId", 9, "apiKey", "sk-test-key-123",
                "prompt", "scrape jane@example.com", "comments", "secret plan"), "error", 12, extra);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"time\":\"2026-03-15T14:30:00Z\",\"principal\":\""
                + AuditLog.hash("alice") + "\",\"tool\":\"stop_agent\",\"ids\":{\"agentId\":5,\"runId\":9},"
                + "\"outcome\":\"error\",\"error\":\"Not Found\",\"upstreamStatus\":404,\"durationMs\":12}\n");
    }

    @Test
    void eachPrincipalSeesOnlyItsOwnLatestHundredEntriesNewestFirst() {
        AuditLog log = AuditLog.to(new ByteArrayOutputStream(), CLOCK);
        for (int i = 1; i <= 105; i++) log.record("alice", "start_agent", Map.of("agentId", i), "ok", i, Map.of());
        log.record("bob", "delete_run", Map.of("agentId", 7, "runId", 8), "declined", 3, Map.of());

        JsonNode alice = log.recent("alice");
        assertThat(alice).hasSize(100);
        assertThat(alice.get(0).get("ids").get("agentId").asInt()).isEqualTo(105);
        assertThat(alice.get(99).get("ids").get("agentId").asInt()).isEqualTo(6);
        assertThat(alice.toString()).doesNotContain("delete_run");

        JsonNode bob = log.recent("bob");
        assertThat(bob).hasSize(1);
        assertThat(bob.get(0).get("tool").asText()).isEqualTo("delete_run");
        assertThat(log.recent("carol")).isEmpty();
    }

    @Test
    void nothingIsKeptWhileAuditingIsOff() {
        AuditLog off = AuditLog.open(null, CLOCK);
        off.record("alice", "start_agent", Map.of("agentId", 1), "ok", 1, Map.of());
        assertThat(off.enabled()).isFalse();
        assertThat(off.recent("alice")).isEmpty();
    }

    @Test
    void theRingForgetsTheLongestIdlePrincipalBeyondItsBound() {
        AuditLog log = AuditLog.to(new ByteArrayOutputStream(), CLOCK);
        for (int p = 0; p <= RecentEntries.MAX_PRINCIPALS; p++) {
            log.record("p" + p, "start_agent", Map.of("agentId", p), "ok", 1, Map.of());
        }
        assertThat(log.recent("p0")).as("idle the longest").isEmpty();
        assertThat(log.recent("p1")).hasSize(1);
        assertThat(log.recent("p" + RecentEntries.MAX_PRINCIPALS)).hasSize(1);
    }
}
