package com.sequentum.sandbox;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulesTest extends SandboxTest {
    @Test
    void seededSchedulesCoverAllTypesAndZones() {
        Set<Integer> types = new HashSet<>();
        Set<String> zones = new HashSet<>();
        for (JsonNode a : h.get("/api/v1/agent/all").json()) {
            for (JsonNode s : h.get("/api/v1/agent/" + a.get("id").asInt() + "/schedules").json()) {
                types.add(s.get("scheduleType").asInt());
                zones.add(s.get("timezone").asText());
                assertThat(s.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "configId", "name", "schedule", "localSchedule", "timezone",
                        "nextRunTime", "startTime", "scheduleType", "isEnabled", "runEveryCount", "runEveryPeriod", "inputParameters",
                        "parallelism", "parallelMaxConcurrency", "parallelExport", "proxyPoolId", "logLevel", "logMode", "created", "updated");
            }
        }
        assertThat(types).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(zones.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void crudEnableDisableAndUpcoming() {
        String body = "{\"Name\":\"Tokyo lunch\",\"IsEnabled\":true,\"Parallelism\":1,\"ScheduleType\":3,"
                + "\"CronExpression\":\"0 12 * * *\",\"Timezone\":\"Asia/Tokyo\"}";
        Http.Resp created = h.post("/api/v1/agent/103/schedules", body);
        assertThat(created.status()).isEqualTo(200);
        JsonNode s = created.json();
        int id = s.get("id").asInt();
        assertThat(s.get("configId").asInt()).isEqualTo(103);
        assertThat(s.get("scheduleType").asInt()).isEqualTo(3);
        assertThat(s.get("timezone").asText()).isEqualTo("Asia/Tokyo");
        // next run is computed from the cron expression in the schedule's zone
        Instant next = Instant.parse(s.get("nextRunTime").asText());
        ZonedDateTime expected = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX))
                .parse("0 12 * * *")).nextExecution(ZonedDateTime.now(ZoneId.of("Asia/Tokyo"))).orElseThrow();
        assertThat(next).isEqualTo(expected.toInstant());
        assertThat(next.atZone(ZoneId.of("Asia/Tokyo")).getHour()).isEqualTo(12);

        JsonNode upcoming = h.get("/api/v1/analytics/schedules/upcoming").json();
        JsonNode mine = find(upcoming, id);
        assertThat(mine).isNotNull();
        assertThat(mine.fieldNames()).toIterable().containsExactlyInAnyOrder("scheduleId", "agentId", "agentName", "scheduleName",
                "nextRunTime", "timezone", "isEnabled");
        assertThat(mine.get("nextRunTime").asText()).isEqualTo(next.toString());

        assertThat(h.post("/api/v1/agent/103/schedules/" + id + "/disable", null).status()).isEqualTo(204);
        assertThat(h.get("/api/v1/agent/103/schedules/" + id).json().get("isEnabled").asBoolean()).isFalse();
        assertThat(find(h.get("/api/v1/analytics/schedules/upcoming").json(), id)).isNull();
        assertThat(h.post("/api/v1/agent/103/schedules/" + id + "/enable", null).status()).isEqualTo(204);
        assertThat(find(h.get("/api/v1/analytics/schedules/upcoming").json(), id)).isNotNull();

        Http.Resp updated = h.put("/api/v1/agent/103/schedules/" + id, "{\"Name\":\"Every 2 hours\",\"ScheduleType\":2,\"RunEveryCount\":2,\"RunEveryPeriod\":2}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asText()).isEqualTo("Every 2 hours");
        assertThat(updated.json().get("scheduleType").asInt()).isEqualTo(2);
        assertThat(h.put("/api/v1/agent/103/schedules/" + id, "{\"Name\":\"x\",\"CronExpression\":\"bad\",\"ScheduleType\":3}").status()).isEqualTo(400);
        assertThat(h.get("/api/v1/agent/103/schedules/" + id).json().get("name").asText()).isEqualTo("Every 2 hours");

        assertThat(h.delete("/api/v1/agent/103/schedules/" + id).status()).isEqualTo(204);
        assertThat(h.get("/api/v1/agent/103/schedules/" + id).status()).isEqualTo(404);
        assertThat(find(h.get("/api/v1/analytics/schedules/upcoming").json(), id)).isNull();
    }

    @Test
    void upcomingWindowAndValidation() {
        String start = Instant.now().plusSeconds(86400L * 40).toString();
        String end = Instant.now().plusSeconds(86400L * 41).toString();
        JsonNode far = h.get("/api/v1/analytics/schedules/upcoming?" + Http.form("startDate", start, "endDate", end)).json();
        for (JsonNode n : far) {
            Instant t = Instant.parse(n.get("nextRunTime").asText());
            assertThat(t).isBetween(Instant.parse(start), Instant.parse(end));
        }
        assertThat(h.get("/api/v1/analytics/schedules/upcoming?startDate=yesterday").status()).isEqualTo(400);
    }

    @Test
    void createValidation() {
        String[] bad = {
                "{\"Name\":\"a\",\"ScheduleType\":1}",
                "{\"Name\":\"a\",\"ScheduleType\":2,\"RunEveryCount\":3}",
                "{\"Name\":\"a\",\"ScheduleType\":2,\"RunEveryCount\":3,\"RunEveryPeriod\":9}",
                "{\"Name\":\"a\",\"ScheduleType\":3,\"CronExpression\":\"61 * * * *\"}",
                "{\"Name\":\"a\",\"ScheduleType\":3}",
                "{\"Name\":\"a\",\"ScheduleType\":3,\"CronExpression\":\"0 1 * * *\",\"Timezone\":\"Mars/Olympus\"}",
                "{\"Name\":\"a\",\"ScheduleType\":1,\"StartTime\":\"next tuesday\"}",
                "{\"ScheduleType\":3,\"CronExpression\":\"0 1 * * *\"}",
                "[1,2]"};
        for (String b : bad) {
            Http.Resp r = h.post("/api/v1/agent/103/schedules", b);
            assertThat(r.status()).as(b).isEqualTo(400);
            assertThat(r.json().get("message").asText()).isNotBlank();
        }
        Http.Resp once = h.post("/api/v1/agent/103/schedules",
                "{\"Name\":\"Once\",\"ScheduleType\":1,\"StartTime\":\"" + Instant.now().plusSeconds(3600) + "\",\"Timezone\":\"Europe/Paris\"}");
        assertThat(once.status()).isEqualTo(200);
        assertThat(once.json().get("nextRunTime").isNull()).isFalse();
        Http.Resp every = h.post("/api/v1/agent/103/schedules", "{\"Name\":\"Every\",\"ScheduleType\":2,\"RunEveryCount\":30,\"RunEveryPeriod\":1}");
        assertThat(every.status()).isEqualTo(200);
        assertThat(h.post("/api/v1/agent/999/schedules", "{\"Name\":\"a\",\"ScheduleType\":3,\"CronExpression\":\"0 1 * * *\"}").status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode arr, int scheduleId) {
        for (JsonNode n : arr) if (n.get("scheduleId").asInt() == scheduleId) return n;
        return null;
    }
}
