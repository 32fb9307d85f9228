package com.sequentum.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.testing.ApiStub;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Contract: the eight schedule tools — metadata, the exact upstream request (method, path, body text,
 * Authorization), the result text, validation (before any request) and upstream error reporting.
 * The stub's clock is fixed at {@link ApiStub#NOW} = 2026-03-15T14:30:00Z.
 */
class ScheduleToolsTest {
    private static final String AUTH = "ApiKey sk-test-key-123";
    private static final String SCHEDULE = "{\"id\":10,\"configId\":42,\"name\":\"Daily\",\"scheduleType\":3,\"isEnabled\":true}";
    private static final String SCHEDULE_TEXT =
            "{\n  \"id\": 10,\n  \"configId\": 42,\n  \"name\": \"Daily\",\n  \"scheduleType\": 3,\n  \"isEnabled\": true\n}";

    private final ApiStub api = ApiStub.start();

    @AfterEach
    void close() { api.close(); }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private RecordedRequest expect(String method, String target) {
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo(method);
        assertThat(ApiStub.target(req)).isEqualTo(target);
        assertThat(req.getHeaders().get("Authorization")).isEqualTo(AUTH);
        return req;
    }

    private void assertRejected(String tool, Map<String, Object> arguments, String message) {
        ToolResult r = api.call(tool, arguments);
        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Error: " + message);
        assertThat(api.requestCount()).isZero();
    }

    // ---- metadata ------------------------------------------------------------------------------

    @Test
    void catalogueListsTheEightScheduleToolsInOrderWithTitlesAndAnnotations() {
        List<ToolSpec> tools = ScheduleTools.tools();
        assertThat(tools).extracting(ToolSpec::name).containsExactly("list_agent_schedules", "create_agent_schedule",
                "delete_agent_schedule", "get_agent_schedule", "update_agent_schedule", "enable_agent_schedule",
                "disable_agent_schedule", "get_scheduled_runs");
        assertThat(tools).extracting(ToolSpec::title).containsExactly("List Agent Schedules", "Create Agent Schedule",
                "Delete Agent Schedule", "Get Agent Schedule", "Update Agent Schedule", "Enable Agent Schedule",
                "Disable Agent Schedule", "Get Scheduled Runs");
        assertThat(tools).extracting(ToolSpec::hints).containsExactly(Hints.reading(), Hints.write(false, false),
                Hints.write(true, false), Hints.reading(), Hints.write(false, false), Hints.write(false, false),
                Hints.write(false, false), Hints.reading());
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.category()).isEqualTo(Category.SCHEDULES);
            assertThat(t.description()).isNotBlank();
            assertThat(t.inputSchema().get("type").asText()).isEqualTo("object");
        });
        assertThat(ToolCatalogue.find("create_agent_schedule")).isPresent();
    }

    @Test
    void requiredParametersPerTool() {
        Map<String, List<String>> required = new HashMap<>();
        ScheduleTools.tools().forEach(t -> {
            List<String> names = new java.util.ArrayList<>();
            t.inputSchema().get("required").forEach(n -> names.add(n.asText()));
            required.put(t.name(), names);
        });
        assertThat(required).containsExactlyInAnyOrderEntriesOf(Map.of(
                "list_agent_schedules", List.of("agentId"),
                "create_agent_schedule", List.of("agentId", "name"),
                "delete_agent_schedule", List.of("agentId", "scheduleId"),
                "get_agent_schedule", List.of("agentId", "scheduleId"),
                "update_agent_schedule", List.of("agentId", "scheduleId", "name"),
                "enable_agent_schedule", List.of("agentId", "scheduleId"),
                "disable_agent_schedule", List.of("agentId", "scheduleId"),
                "get_scheduled_runs", List.of()));
    }

    @Test
    void createAndUpdateShareTheScheduleParameterSchema() {
        for (String tool : List.of("create_agent_schedule", "update_agent_schedule")) {
            JsonNode p = ToolCatalogue.find(tool).orElseThrow().inputSchema().get("properties");
            assertThat(p.get("scheduleType").get("type").asText()).isEqualTo("number");
            assertThat(p.get("scheduleType").get("enum")).isEqualTo(ApiStub.parse("[1,2,3]"));
            assertThat(p.get("runEveryPeriod").get("enum")).isEqualTo(ApiStub.parse("[1,2,3,4,5]"));
            assertThat(p.get("parallelExport").get("enum")).isEqualTo(ApiStub.parse("[\"Combined\",\"Separated\"]"));
            assertThat(p.get("logLevel").get("enum")).isEqualTo(ApiStub.parse("[\"Fatal\",\"Error\",\"Warning\",\"Info\"]"));
            assertThat(p.get("logMode").get("enum")).isEqualTo(ApiStub.parse("[\"Text\",\"TextAndHtml\"]"));
            for (String n : List.of("agentId", "runEveryCount", "parallelism", "parallelMaxConcurrency")) {
                assertThat(p.get(n).get("type").asText()).as(n).isEqualTo("number");
            }
            for (String n : List.of("name", "startTime", "cronExpression", "timezone", "inputParameters")) {
                assertThat(p.get(n).get("type").asText()).as(n).isEqualTo("string");
            }
            for (String n : List.of("isEnabled", "isExclusive", "isWaitOnFailure")) {
                assertThat(p.get(n).get("type").asText()).as(n).isEqualTo("boolean");
            }
        }
    }

    @Test
    void createDescriptionCarriesTheSchedulingFacts() {
        String d = ToolCatalogue.find("create_agent_schedule").orElseThrow().description();
        assertThat(d).contains("RunOnce", "RunEvery", "CRON", "1 minute", "timezone", "'0 9 * * *'",
                "runEveryCount: 30, runEveryPeriod: 1", "UTC");
        String agentId = ToolCatalogue.find("create_agent_schedule").orElseThrow().inputSchema()
                .get("properties").get("agentId").get("description").asText();
        assertThat(agentId).contains("list_agents", "search_agents", "get_agent_build_status");
    }

    // ---- list / get ------------------------------------------------------------------------------

    @Test
    void listAgentSchedules() {
        api.json("[" + SCHEDULE + "]");

        ToolResult r = api.call("list_agent_schedules", args("agentId", 42));

        expect("GET", "/api/v1/agent/42/schedules");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("[\n  " + SCHEDULE_TEXT.replace("\n", "\n  ") + "\n]");
    }

    @Test
    void getAgentSchedule() {
        api.json(SCHEDULE);

        ToolResult r = api.call("get_agent_schedule", args("agentId", 42, "scheduleId", 10));

        expect("GET", "/api/v1/agent/42/schedules/10");
        assertThat(r.text()).isEqualTo(SCHEDULE_TEXT);
    }

    @Test
    void getAgentScheduleReportsAProblemDetails404() {
        api.json(404, "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\","
                + "\"status\":404,\"detail\":\"Schedule 10 was not found\",\"instance\":\"/api/v1/agent/42/schedules/10\"}");

        ToolResult r = api.call("get_agent_schedule", args("agentId", 42, "scheduleId", 10));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Not Found: Not Found: Schedule 10 was not found");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void getAgentScheduleValidatesBothIdsInOrder() {
        assertRejected("get_agent_schedule", args(), "Missing required parameter: agentId");
        assertRejected("get_agent_schedule", args("agentId", 42), "Missing required parameter: scheduleId");
        assertRejected("get_agent_schedule", args("agentId", 42, "scheduleId", 0),
                "Invalid parameter 'scheduleId': must be >= 1, got 0");
        assertRejected("get_agent_schedule", args("agentId", 42, "scheduleId", "10"),
                "Invalid parameter 'scheduleId': expected a number, got string");
    }

    // ---- create --------------------------------------------------------------------------------

    @Test
    void createDefaultsToCronAndSendsTheMinimalBody() {
        api.json(SCHEDULE);

        ToolResult r = api.call("create_agent_schedule", args("agentId", 42, "name", "New Schedule",
                "cronExpression", "0 9 * * *"));

        RecordedRequest req = expect("POST", "/api/v1/agent/42/schedules");
        assertThat(ApiStub.body(req)).isEqualTo(
                "{\"Name\":\"New Schedule\",\"IsEnabled\":true,\"Parallelism\":1,\"ScheduleType\":3,\"CronExpression\":\"0 9 * * *\"}");
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("Schedule created successfully.\n\n" + SCHEDULE_TEXT);
    }

    @Test
    void createSendsEveryFieldInTheApiOrder() {
        api.json(SCHEDULE);

        api.call("create_agent_schedule", args(
                "isWaitOnFailure", true, "isExclusive", false, "logMode", "verbose", "logLevel", "debug",
                "parallelExport", "csv", "parallelMaxConcurrency", 2, "parallelism", 4, "isEnabled", false,
                "inputParameters", "{\"hello\":\"world\"}", "timezone", "UTC", "runEveryPeriod", 2, "runEveryCount", 5,
                "cronExpression", "0 9 * * 1,4", "startTime", "2026-03-16T09:00:00Z", "scheduleType", 2,
                "name", "Full", "agentId", 42, "unknownExtra", "ignored"));

        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules"))).isEqualTo("{\"Name\":\"Full\","
                + "\"IsEnabled\":false,\"Parallelism\":4,\"ScheduleType\":2,\"CronExpression\":\"0 9 * * 1,4\","
                + "\"StartTime\":\"2026-03-16T09:00:00Z\",\"RunEveryCount\":5,\"RunEveryPeriod\":2,\"Timezone\":\"UTC\","
                + "\"InputParameters\":\"{\\\"hello\\\":\\\"world\\\"}\",\"ParallelMaxConcurrency\":2,"
                + "\"ParallelExport\":\"csv\",\"LogLevel\":\"debug\",\"LogMode\":\"verbose\",\"IsExclusive\":false,"
                + "\"IsWaitOnFailure\":true}");
    }

    @Test
    void createRunOnceForwardsTheStartTimeUnchanged() {
        api.json(SCHEDULE);

        api.call("create_agent_schedule", args("agentId", 42, "name", "Once", "scheduleType", 1,
                "startTime", "2026-03-15T14:31:01Z"));

        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules"))).isEqualTo(
                "{\"Name\":\"Once\",\"IsEnabled\":true,\"Parallelism\":1,\"ScheduleType\":1,\"StartTime\":\"2026-03-15T14:31:01Z\"}");
    }

    @Test
    void createRunEveryWithTimezone() {
        api.json(SCHEDULE);

        api.call("create_agent_schedule", args("agentId", 42, "name", "Every 6h", "scheduleType", 2,
                "runEveryCount", 6, "runEveryPeriod", 2, "timezone", "America/Santiago"));

        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules"))).isEqualTo("{\"Name\":\"Every 6h\","
                + "\"IsEnabled\":true,\"Parallelism\":1,\"ScheduleType\":2,\"RunEveryCount\":6,\"RunEveryPeriod\":2,"
                + "\"Timezone\":\"America/Santiago\"}");
    }

    @Test
    void createCronIgnoresAPastStartTimeButForwardsIt() {
        api.json(SCHEDULE);

        ToolResult r = api.call("create_agent_schedule", args("agentId", 42, "name", "Cron", "scheduleType", 3,
                "cronExpression", "0 9 * * *", "startTime", "2020-01-01T00:00:00Z", "timezone", "UTC"));

        assertThat(r.isError()).isFalse();
        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules"))).isEqualTo("{\"Name\":\"Cron\","
                + "\"IsEnabled\":true,\"Parallelism\":1,\"ScheduleType\":3,\"CronExpression\":\"0 9 * * *\","
                + "\"StartTime\":\"2020-01-01T00:00:00Z\",\"Timezone\":\"UTC\"}");
    }

    @Test
    void createAcceptsAnEmptyNameAndIntegralFloats() {
        api.json(SCHEDULE);

        api.call("create_agent_schedule", args("agentId", 42.0, "name", "", "cronExpression", "* * * * *",
                "parallelism", 3.0));

        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules"))).isEqualTo(
                "{\"Name\":\"\",\"IsEnabled\":true,\"Parallelism\":3,\"ScheduleType\":3,\"CronExpression\":\"* * * * *\"}");
    }

    @Test
    void createRequiresTheFieldsOfEachType() {
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x"),
                "cronExpression is required when scheduleType is 3 (CRON)");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "cronExpression", ""),
                "cronExpression is required when scheduleType is 3 (CRON)");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 1),
                "startTime is required when scheduleType is 1 (RunOnce)");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 1, "startTime", ""),
                "startTime is required when scheduleType is 1 (RunOnce)");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 2, "runEveryCount", 5),
                "runEveryCount and runEveryPeriod are required when scheduleType is 2 (RunEvery)");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 2, "runEveryPeriod", 1),
                "runEveryCount and runEveryPeriod are required when scheduleType is 2 (RunEvery)");
    }

    @Test
    void createChecksTheStartTimeAgainstTheClock() {
        // now = 2026-03-15T14:30:00Z
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 1,
                "startTime", "2026-03-15T14:31:00Z"),
                "startTime must be at least 1 minute(s) in the future (UTC). Provided: 2026-03-15T14:31:00Z");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 1,
                "startTime", "2026-03-15"),
                "startTime must be at least 1 minute(s) in the future (UTC). Provided: 2026-03-15");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 1,
                "startTime", "next tuesday"),
                "Invalid startTime format: next tuesday. Use ISO 8601 format (e.g., 2026-01-20T14:30:00Z)");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 2,
                "runEveryCount", 1, "runEveryPeriod", 1, "startTime", "2026-03-15T14:30:00"),
                "startTime must be at least 0 minute(s) in the future (UTC). Provided: 2026-03-15T14:30:00");
    }

    @Test
    void createRunEveryAcceptsAStartOneSecondAhead() {
        api.json(SCHEDULE);

        ToolResult r = api.call("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 2,
                "runEveryCount", 30, "runEveryPeriod", 1, "startTime", "2026-03-15T14:30:01Z"));

        assertThat(r.isError()).isFalse();
        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules"))).contains("\"StartTime\":\"2026-03-15T14:30:01Z\"");
    }

    @Test
    void createValidatesParametersInTheReferenceOrder() {
        assertRejected("create_agent_schedule", args("name", 5), "Missing required parameter: agentId");
        assertRejected("create_agent_schedule", args("agentId", 42), "Missing required parameter: name");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", 7),
                "Invalid parameter 'name': expected a string, got number");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", "3", "startTime", 123),
                "Invalid parameter 'scheduleType': expected a number, got string");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 4),
                "Invalid parameter 'scheduleType': must be <= 3, got 4");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 0),
                "Invalid parameter 'scheduleType': must be >= 1, got 0");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "startTime", 123, "cronExpression", 5),
                "Invalid parameter 'startTime': expected a string, got number");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "cronExpression", List.of("0 9 * * *")),
                "Invalid parameter 'cronExpression': expected a string, got object");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "runEveryCount", 0, "runEveryPeriod", 9),
                "Invalid parameter 'runEveryCount': must be >= 1, got 0");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "runEveryCount", 1.5),
                "Invalid parameter 'runEveryCount': expected an integer, got 1.5");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "runEveryPeriod", 6),
                "Invalid parameter 'runEveryPeriod': must be <= 5, got 6");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "timezone", true),
                "Invalid parameter 'timezone': expected a string, got boolean");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "inputParameters", "{bad json}"),
                "Invalid parameter 'inputParameters': must be a valid JSON string. Got: {bad json}");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "isEnabled", "true"),
                "Invalid parameter 'isEnabled': expected a boolean, got string");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "parallelism", 0),
                "Invalid parameter 'parallelism': must be >= 1, got 0");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "parallelism", 51),
                "Invalid parameter 'parallelism': must be <= 50, got 51");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "parallelMaxConcurrency", 0),
                "Invalid parameter 'parallelMaxConcurrency': must be >= 1, got 0");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "parallelExport", 1),
                "Invalid parameter 'parallelExport': expected a string, got number");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "logLevel", false),
                "Invalid parameter 'logLevel': expected a string, got boolean");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "logMode", Map.of()),
                "Invalid parameter 'logMode': expected a string, got object");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "isExclusive", 1),
                "Invalid parameter 'isExclusive': expected a boolean, got number");
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "isWaitOnFailure", "no"),
                "Invalid parameter 'isWaitOnFailure': expected a boolean, got string");
        // parameter validation comes before the type rules
        assertRejected("create_agent_schedule", args("agentId", 42, "name", "x", "scheduleType", 1, "parallelism", 0),
                "Invalid parameter 'parallelism': must be >= 1, got 0");
    }

    @Test
    void createReportsA400WithTheApiMessage() {
        api.json(400, "{\"statusCode\":400,\"statusDescription\":\"Bad Request\",\"message\":\"Invalid cron expression\",\"severity\":\"Error\"}");

        ToolResult r = api.call("create_agent_schedule", args("agentId", 42, "name", "x", "cronExpression", "nope"));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("API Error (400): Invalid cron expression");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void createIsAPostAndIsNeverRetried() {
        api.rateLimited("5").json(SCHEDULE);

        ToolResult r = api.call("create_agent_schedule", args("agentId", 42, "name", "x", "cronExpression", "0 9 * * *"));

        assertThat(r.text()).isEqualTo("Rate Limited: The Sequentum API rate limit has been reached. Try again in 5 seconds.");
        assertThat(api.requestCount()).isEqualTo(1);
        assertThat(api.sleeps()).isEmpty();
    }

    // ---- update --------------------------------------------------------------------------------

    @Test
    void updateWithExplicitCronType() {
        api.json(SCHEDULE);

        ToolResult r = api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "Updated Schedule",
                "scheduleType", 3, "cronExpression", "0 10 * * *", "timezone", "America/New_York"));

        RecordedRequest req = expect("PUT", "/api/v1/agent/42/schedules/10");
        assertThat(ApiStub.body(req)).isEqualTo("{\"Name\":\"Updated Schedule\",\"ScheduleType\":3,"
                + "\"CronExpression\":\"0 10 * * *\",\"Timezone\":\"America/New_York\"}");
        assertThat(r.text()).isEqualTo("Schedule updated successfully.\n\n" + SCHEDULE_TEXT);
    }

    @Test
    void updateInfersCronFromACronExpressionAndInjectsNoDefaults() {
        api.json(SCHEDULE);

        api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n", "cronExpression", "0 9 * * *"));

        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10")))
                .isEqualTo("{\"Name\":\"n\",\"ScheduleType\":3,\"CronExpression\":\"0 9 * * *\"}");
    }

    @Test
    void updateTreatsAnEmptyCronExpressionAsSupplied() {
        api.json(SCHEDULE);

        api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n", "cronExpression", ""));

        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10")))
                .isEqualTo("{\"Name\":\"n\",\"ScheduleType\":3,\"CronExpression\":\"\"}");
    }

    @Test
    void updateInfersRunEveryFromEitherIntervalField() {
        api.json(SCHEDULE).json(SCHEDULE);

        api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n", "runEveryCount", 30,
                "runEveryPeriod", 1, "isEnabled", false, "parallelism", 3));
        api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n", "runEveryPeriod", 3));

        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10"))).isEqualTo("{\"Name\":\"n\","
                + "\"ScheduleType\":2,\"RunEveryCount\":30,\"RunEveryPeriod\":1,\"IsEnabled\":false,\"Parallelism\":3}");
        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10")))
                .isEqualTo("{\"Name\":\"n\",\"ScheduleType\":2,\"RunEveryPeriod\":3}");
    }

    @Test
    void updateWithoutTypeFieldsSendsNoScheduleTypeAndDoesNotCheckTheStartTime() {
        api.json(SCHEDULE);

        ToolResult r = api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "Renamed",
                "startTime", "2020-01-01T00:00:00Z", "logLevel", "Info"));

        assertThat(r.isError()).isFalse();
        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10")))
                .isEqualTo("{\"Name\":\"Renamed\",\"StartTime\":\"2020-01-01T00:00:00Z\",\"LogLevel\":\"Info\"}");
    }

    @Test
    void updateSendsEveryFieldInTheApiOrder() {
        api.json(SCHEDULE);

        api.call("update_agent_schedule", args("isWaitOnFailure", false, "isExclusive", true, "logMode", "Text",
                "logLevel", "Error", "parallelExport", "Separated", "parallelMaxConcurrency", 2, "parallelism", 4,
                "isEnabled", true, "inputParameters", "[1,2]", "timezone", "Europe/Paris", "runEveryPeriod", 4,
                "runEveryCount", 2, "cronExpression", "0 0 * * *", "startTime", "2026-04-01T00:00:00Z", "scheduleType", 1,
                "name", "All", "scheduleId", 10, "agentId", 42));

        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10"))).isEqualTo("{\"Name\":\"All\","
                + "\"ScheduleType\":1,\"CronExpression\":\"0 0 * * *\",\"StartTime\":\"2026-04-01T00:00:00Z\","
                + "\"RunEveryCount\":2,\"RunEveryPeriod\":4,\"Timezone\":\"Europe/Paris\",\"InputParameters\":\"[1,2]\","
                + "\"IsEnabled\":true,\"Parallelism\":4,\"ParallelMaxConcurrency\":2,\"ParallelExport\":\"Separated\","
                + "\"LogLevel\":\"Error\",\"LogMode\":\"Text\",\"IsExclusive\":true,\"IsWaitOnFailure\":false}");
    }

    @Test
    void updateRejectsConflictingFieldsWithoutAnExplicitType() {
        assertRejected("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n",
                "cronExpression", "0 9 * * *", "runEveryCount", 5),
                "Conflicting schedule fields: both cronExpression and runEveryCount/runEveryPeriod were provided without "
                        + "an explicit scheduleType. Specify scheduleType to clarify intent (2=RunEvery, 3=CRON).");
    }

    @Test
    void updateAcceptsBothKindsOfFieldsWithAnExplicitType() {
        api.json(SCHEDULE);

        ToolResult r = api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n",
                "scheduleType", 3, "cronExpression", "0 9 * * *", "runEveryCount", 5));

        assertThat(r.isError()).isFalse();
        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10")))
                .isEqualTo("{\"Name\":\"n\",\"ScheduleType\":3,\"CronExpression\":\"0 9 * * *\",\"RunEveryCount\":5}");
    }

    @Test
    void updateChecksTheStartTimeWithTheEffectiveType() {
        assertRejected("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n",
                "runEveryCount", 5, "startTime", "2026-03-15T14:00:00Z"),
                "startTime must be at least 0 minute(s) in the future (UTC). Provided: 2026-03-15T14:00:00Z");
        assertRejected("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n",
                "scheduleType", 1, "startTime", "2026-03-15T14:30:59Z"),
                "startTime must be at least 1 minute(s) in the future (UTC). Provided: 2026-03-15T14:30:59Z");
    }

    @Test
    void updateHasNoPerTypeRequiredFields() {
        api.json(SCHEDULE);

        ToolResult r = api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n", "scheduleType", 1));

        assertThat(r.isError()).isFalse();
        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10"))).isEqualTo("{\"Name\":\"n\",\"ScheduleType\":1}");
    }

    @Test
    void updateValidatesIdsThenNameThenParameters() {
        assertRejected("update_agent_schedule", args("agentId", 42, "name", "n"), "Missing required parameter: scheduleId");
        assertRejected("update_agent_schedule", args("agentId", 42, "scheduleId", 10), "Missing required parameter: name");
        assertRejected("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n", "scheduleType", "3"),
                "Invalid parameter 'scheduleType': expected a number, got string");
        assertRejected("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n", "startTime", 123),
                "Invalid parameter 'startTime': expected a string, got number");
    }

    @Test
    void updateIsAPutAndIsRetriedOnA503() {
        api.json(503, "{\"message\":\"Service down\"}").json(SCHEDULE);

        ToolResult r = api.call("update_agent_schedule", args("agentId", 42, "scheduleId", 10, "name", "n"));

        assertThat(r.isError()).isFalse();
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(api.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10"))).isEqualTo("{\"Name\":\"n\"}");
        assertThat(ApiStub.body(expect("PUT", "/api/v1/agent/42/schedules/10"))).isEqualTo("{\"Name\":\"n\"}");
    }

    // ---- delete / enable / disable -------------------------------------------------------------

    @Test
    void deleteAgentSchedule() {
        api.empty(204);

        ToolResult r = api.call("delete_agent_schedule", args("agentId", 42, "scheduleId", 123));

        RecordedRequest req = expect("DELETE", "/api/v1/agent/42/schedules/123");
        assertThat(ApiStub.body(req)).isEmpty();
        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("Successfully deleted schedule 123 from agent 42");
    }

    @Test
    void deleteIsRetriedAfterA429HonouringRetryAfter() { // C8
        api.rateLimited("2").empty(204);

        ToolResult r = api.call("delete_agent_schedule", args("agentId", 42, "scheduleId", 123));

        assertThat(r.isError()).isFalse();
        assertThat(r.text()).isEqualTo("Successfully deleted schedule 123 from agent 42");
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(api.sleeps()).containsExactly(Duration.ofSeconds(2));
        expect("DELETE", "/api/v1/agent/42/schedules/123");
        expect("DELETE", "/api/v1/agent/42/schedules/123");
    }

    @Test
    void deleteReportsAServerErrorWithoutRetryingA500() {
        api.json(500, "{\"message\":\"Internal error\"}");

        ToolResult r = api.call("delete_agent_schedule", args("agentId", 42, "scheduleId", 123));

        assertThat(r.isError()).isTrue();
        assertThat(r.text()).isEqualTo("Server Error: The Sequentum API encountered an internal error (500). "
                + "This is a server-side issue \u2014 please try again later.");
        assertThat(api.requestCount()).isEqualTo(1);
        assertThat(api.sleeps()).isEmpty();
    }

    @Test
    void enableAgentSchedule() {
        api.empty(204);

        ToolResult r = api.call("enable_agent_schedule", args("agentId", 42, "scheduleId", 10));

        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules/10/enable"))).isEmpty();
        assertThat(r.text()).isEqualTo(
                "Successfully enabled schedule 10 for agent 42. The schedule will now run according to its configuration.");
    }

    @Test
    void disableAgentSchedule() {
        api.json(200, "{}");

        ToolResult r = api.call("disable_agent_schedule", args("agentId", 42, "scheduleId", 10));

        assertThat(ApiStub.body(expect("POST", "/api/v1/agent/42/schedules/10/disable"))).isEmpty();
        assertThat(r.text()).isEqualTo(
                "Successfully disabled schedule 10 for agent 42. The schedule will not run until re-enabled.");
    }

    @Test
    void enableAndDisableReportScheduleNotFound() { // B18
        api.json(404, "{\"message\":\"Schedule not found\"}").json(404, "{\"message\":\"Schedule not found\"}");

        assertThat(api.call("enable_agent_schedule", args("agentId", 42, "scheduleId", 99)).text())
                .isEqualTo("Not Found: Schedule not found");
        assertThat(api.call("disable_agent_schedule", args("agentId", 42, "scheduleId", 99)).text())
                .isEqualTo("Not Found: Schedule not found");
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void enableIsAPostAndIsNotRetriedOnA503() {
        api.json(503, "{\"message\":\"Service down\"}").empty(204);

        ToolResult r = api.call("enable_agent_schedule", args("agentId", 42, "scheduleId", 10));

        assertThat(r.text()).startsWith("Server Error: The Sequentum API encountered an internal error (503).");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void writeToolsValidateBeforeCallingTheApi() {
        assertRejected("delete_agent_schedule", args("agentId", 42), "Missing required parameter: scheduleId");
        assertRejected("enable_agent_schedule", args("agentId", -1, "scheduleId", 1),
                "Invalid parameter 'agentId': must be >= 1, got -1");
        assertRejected("disable_agent_schedule", args("agentId", 42, "scheduleId", 2.5),
                "Invalid parameter 'scheduleId': expected an integer, got 2.5");
        assertRejected("list_agent_schedules", args("agentId", true),
                "Invalid parameter 'agentId': expected a number, got boolean");
    }

    // ---- get_scheduled_runs ----------------------------------------------------------------------

    @Test
    void scheduledRunsWithoutDatesUsesTheApiDefaultWindow() {
        api.json("[{\"scheduleId\":10,\"agentId\":42,\"nextRunTime\":\"2026-03-16T09:00:00Z\"}]");

        ToolResult r = api.call("get_scheduled_runs", args());

        expect("GET", "/api/v1/analytics/schedules/upcoming");
        assertThat(r.text()).isEqualTo(
                "[\n  {\n    \"scheduleId\": 10,\n    \"agentId\": 42,\n    \"nextRunTime\": \"2026-03-16T09:00:00Z\"\n  }\n]");
    }

    @Test
    void scheduledRunsForwardsDatesUnvalidated() {
        api.json("[]").json("[]").json("[]");

        api.call("get_scheduled_runs", args("startDate", "2024-01-01", "endDate", "2024-01-31"));
        api.call("get_scheduled_runs", args("startDate", "", "endDate", "next week"));
        ToolResult r = api.call("get_scheduled_runs", args("startDate", "2024-01-01T00:00:00Z"));

        expect("GET", "/api/v1/analytics/schedules/upcoming?startDate=2024-01-01&endDate=2024-01-31");
        expect("GET", "/api/v1/analytics/schedules/upcoming?endDate=next+week");
        expect("GET", "/api/v1/analytics/schedules/upcoming?startDate=2024-01-01T00%3A00%3A00Z");
        assertThat(r.text()).isEqualTo("[]");
    }

    @Test
    void scheduledRunsRejectsNonStringDates() {
        assertRejected("get_scheduled_runs", args("startDate", 20240101),
                "Invalid parameter 'startDate': expected a string, got number");
    }
}
