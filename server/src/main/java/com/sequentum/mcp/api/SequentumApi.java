package com.sequentum.mcp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.api.Requests.AgentListQuery;
import com.sequentum.mcp.api.Requests.AgentRunsCostQuery;
import com.sequentum.mcp.api.Requests.AgentsUsageQuery;
import com.sequentum.mcp.api.Requests.CostBreakdownQuery;
import com.sequentum.mcp.api.Requests.RunsSummaryQuery;
import com.sequentum.mcp.api.Requests.ScheduleRequest;
import com.sequentum.mcp.api.Requests.StartAgentRequest;

/**
 * The Sequentum Control Center API, one method per endpoint the server uses (ids from the spec in
 * brackets). Responses are returned as the JSON the API sent, unknown fields and key order kept, because
 * most tools pass them through; a text body comes back as a JSON string node.
 * Instances are cheap: one per set of credentials, all sharing one {@link ApiHttp}.
 */
public final class SequentumApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Agent Builder paths (UNCONFIRMED in the spec: kept here so a change is one line). */
    static final String BUILDER = "/api/v1/agent-builder";

    private final ApiHttp http;
    private final Credentials credentials;

    public SequentumApi(ApiHttp http, Credentials credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    public SequentumApi withCredentials(Credentials other) { return new SequentumApi(http, other); }

    private JsonNode get(String endpoint) { return http.send(credentials, "GET", endpoint, null).body(); }
    private JsonNode post(String endpoint, JsonNode body) { return http.send(credentials, "POST", endpoint, body).body(); }
    private JsonNode put(String endpoint, JsonNode body) { return http.send(credentials, "PUT", endpoint, body).body(); }
    private void postVoid(String endpoint) { http.sendVoid(credentials, "POST", endpoint, null); }
    private void postVoid(String endpoint, JsonNode body) { http.sendVoid(credentials, "POST", endpoint, body); }
    private void deleteVoid(String endpoint) { http.sendVoid(credentials, "DELETE", endpoint, null); }

    // ---- Agents ------------------------------------------------------------------------------

    /** [A1] Bare array without paging, {@code {agents, totalRecordCount}} with it. */
    public JsonNode listAgents(AgentListQuery q) {
        return get("/api/v1/agent/all" + Query.form()
                .add("status", q.status())
                .add("spaceId", q.spaceId())
                .addNonEmpty("name", q.name())
                .addNonEmpty("configType", q.configType())
                .addNonEmpty("sortColumn", q.sortColumn())
                .add("sortOrder", q.sortOrder())
                .add("pageIndex", q.pageIndex())
                .add("recordsPerPage", q.recordsPerPage()));
    }

    /** [A2] */
    public JsonNode getAgent(long agentId) { return get("/api/v1/agent/" + agentId); }

    /** [A3] The query is sent untrimmed. */
    public JsonNode searchAgents(String query, Integer maxRecords) {
        return get("/api/v1/agent/search" + Query.form().add("query", query).add("maxRecords", maxRecords));
    }

    // ---- Runs --------------------------------------------------------------------------------

    /** [R1] {@code maxRecords} only when set and non-zero. */
    public JsonNode getAgentRuns(long agentId, Integer maxRecords) {
        String q = maxRecords != null && maxRecords != 0 ? "?maxRecords=" + maxRecords : "";
        return get("/api/v1/agent/" + agentId + "/runs" + q);
    }

    /** [R2] */
    public JsonNode getRunStatus(long agentId, long runId) {
        return get("/api/v1/agent/" + agentId + "/run/" + runId + "/status");
    }

    /** [R3] Never retried (POST). */
    public JsonNode startAgent(long agentId, StartAgentRequest r) {
        ObjectNode body = F.objectNode();
        body.put("Parallelism", or(r.parallelism(), 1));
        body.put("ParallelMaxConcurrency", or(r.parallelMaxConcurrency(), 1));
        body.put("ParallelExport", or(r.parallelExport(), "Combined"));
        if (r.proxyPoolId() != null) body.put("ProxyPoolId", r.proxyPoolId());
        if (r.inputParameters() != null) body.put("InputParameters", r.inputParameters());
        body.put("Timeout", or(r.timeout(), 60));
        body.put("IsExclusive", or(r.isExclusive(), true));
        body.put("IsWaitOnFailure", or(r.isWaitOnFailure(), false));
        body.put("IsRunSynchronously", or(r.isRunSynchronously(), false));
        body.put("LogLevel", or(r.logLevel(), "Info"));
        body.put("LogMode", or(r.logMode(), "Text"));
        return post("/api/v1/agent/" + agentId + "/start", body);
    }

    /** [R4] */
    public void stopRun(long agentId, long runId) { postVoid("/api/v1/agent/" + agentId + "/run/" + runId + "/stop"); }

    /** [R5] First call stops gracefully, a second one while stopping terminates. */
    public void killRun(long agentId, long runId) { postVoid("/api/v1/agent/" + agentId + "/run/" + runId + "/kill"); }

    /** [R6] {@code removeMethod} null = API default (entire run). */
    public void deleteRun(long agentId, long runId, String removeMethod) {
        String q = removeMethod != null ? "?removeMethod=" + Query.encodeComponent(removeMethod) : "";
        deleteVoid("/api/v1/agent/" + agentId + "/run/" + runId + q);
    }

    // ---- Files -------------------------------------------------------------------------------

    /** [F1] */
    public JsonNode getRunFiles(long agentId, long runId) {
        return get("/api/v1/agent/" + agentId + "/run/" + runId + "/files");
    }

    /**
     * [F2] The API answers with a redirect to temporary storage; its {@code Location} is returned without
     * following it (so the file is never downloaded and the API key never leaves for the storage host).
     * {@code null} when the API answered 2xx instead of redirecting.
     */
    public String getFileDownloadUrl(long agentId, long runId, long fileId) {
        return http.send(credentials, "GET",
                "/api/v1/agent/" + agentId + "/run/" + runId + "/file/" + fileId + "/download", null).location();
    }

    /** Streams a file from a link {@link #getFileDownloadUrl} returned (never a caller-supplied URL). */
    public ApiHttp.Download openDownload(String temporaryUrl) {
        return http.openDownload(temporaryUrl);
    }

    // ---- Versions ----------------------------------------------------------------------------

    /** [V1] */
    public JsonNode getAgentVersions(long agentId) { return get("/api/v1/agent/" + agentId + "/versions"); }

    /** [V2] Body {@code {"content": comments}}. */
    public void restoreAgentVersion(long agentId, long versionNumber, String comments) {
        ObjectNode body = F.objectNode();
        body.put("content", comments);
        postVoid("/api/v1/agent/" + agentId + "/version/" + versionNumber + "/restore", body);
    }

    // ---- Schedules ---------------------------------------------------------------------------

    /** [S1] */
    public JsonNode listSchedules(long agentId) { return get("/api/v1/agent/" + agentId + "/schedules"); }

    /** [S2] */
    public JsonNode createSchedule(long agentId, ScheduleRequest s) {
        ObjectNode body = F.objectNode();
        body.put("Name", s.name());
        body.put("IsEnabled", or(s.isEnabled(), true));
        body.put("Parallelism", or(s.parallelism(), 1));
        putIf(body, "ScheduleType", s.scheduleType());
        putIf(body, "CronExpression", s.cronExpression());
        putIf(body, "StartTime", s.startTime());
        putIf(body, "RunEveryCount", s.runEveryCount());
        putIf(body, "RunEveryPeriod", s.runEveryPeriod());
        putIf(body, "Timezone", s.timezone());
        putIf(body, "InputParameters", s.inputParameters());
        putIf(body, "ParallelMaxConcurrency", s.parallelMaxConcurrency());
        putIf(body, "ParallelExport", s.parallelExport());
        putIf(body, "LogLevel", s.logLevel());
        putIf(body, "LogMode", s.logMode());
        putIf(body, "IsExclusive", s.isExclusive());
        putIf(body, "IsWaitOnFailure", s.isWaitOnFailure());
        return post("/api/v1/agent/" + agentId + "/schedules", body);
    }

    /** [S3] */
    public void deleteSchedule(long agentId, long scheduleId) {
        deleteVoid("/api/v1/agent/" + agentId + "/schedules/" + scheduleId);
    }

    /** [S4] */
    public JsonNode getSchedule(long agentId, long scheduleId) {
        return get("/api/v1/agent/" + agentId + "/schedules/" + scheduleId);
    }

    /** [S5] Only the fields that are set (plus Name). Retried like GET. */
    public JsonNode updateSchedule(long agentId, long scheduleId, ScheduleRequest s) {
        ObjectNode body = F.objectNode();
        body.put("Name", s.name());
        putIf(body, "ScheduleType", s.scheduleType());
        putIf(body, "CronExpression", s.cronExpression());
        putIf(body, "StartTime", s.startTime());
        putIf(body, "RunEveryCount", s.runEveryCount());
        putIf(body, "RunEveryPeriod", s.runEveryPeriod());
        putIf(body, "Timezone", s.timezone());
        putIf(body, "InputParameters", s.inputParameters());
        putIf(body, "IsEnabled", s.isEnabled());
        putIf(body, "Parallelism", s.parallelism());
        putIf(body, "ParallelMaxConcurrency", s.parallelMaxConcurrency());
        putIf(body, "ParallelExport", s.parallelExport());
        putIf(body, "LogLevel", s.logLevel());
        putIf(body, "LogMode", s.logMode());
        putIf(body, "IsExclusive", s.isExclusive());
        putIf(body, "IsWaitOnFailure", s.isWaitOnFailure());
        return put("/api/v1/agent/" + agentId + "/schedules/" + scheduleId, body);
    }

    /** [S6] */
    public void enableSchedule(long agentId, long scheduleId) {
        postVoid("/api/v1/agent/" + agentId + "/schedules/" + scheduleId + "/enable");
    }

    /** [S7] */
    public void disableSchedule(long agentId, long scheduleId) {
        postVoid("/api/v1/agent/" + agentId + "/schedules/" + scheduleId + "/disable");
    }

    /** [S8] API default window: the next 7 days. */
    public JsonNode upcomingSchedules(String startDate, String endDate) {
        return get("/api/v1/analytics/schedules/upcoming"
                + Query.form().addNonEmpty("startDate", startDate).addNonEmpty("endDate", endDate));
    }

    // ---- Billing -----------------------------------------------------------------------------

    /** [B1] */
    public JsonNode creditsBalance() { return get("/api/v1/billing/credits"); }

    /** [B2] */
    public JsonNode spendingSummary(String startDate, String endDate) {
        return get("/api/v1/billing/spending"
                + Query.form().addNonEmpty("startDate", startDate).addNonEmpty("endDate", endDate));
    }

    /** [B3] */
    public JsonNode creditHistory(Integer pageIndex, Integer recordsPerPage) {
        return get("/api/v1/billing/history"
                + Query.form().add("pageIndex", pageIndex).add("recordsPerPage", recordsPerPage));
    }

    /** [B4] */
    public JsonNode agentsUsage(AgentsUsageQuery q) {
        return get("/api/v1/billing/agents" + Query.form()
                .add("startDate", q.startDate())
                .add("endDate", q.endDate())
                .add("pageIndex", q.pageIndex())
                .add("recordsPerPage", q.recordsPerPage())
                .addNonEmpty("sortColumn", q.sortColumn())
                .add("sortOrder", q.sortOrder())
                .addNonEmpty("name", q.name())
                .addNonEmpty("usageTypes", q.usageTypes()));
    }

    /** [B5] */
    public JsonNode agentCostBreakdown(long agentId, CostBreakdownQuery q) {
        return get("/api/v1/billing/agents/" + agentId + Query.form()
                .add("startDate", q.startDate())
                .add("endDate", q.endDate())
                .addNonEmpty("timeUnit", q.timeUnit())
                .addNonEmpty("usageTypes", q.usageTypes()));
    }

    /** [B6] */
    public JsonNode agentRunsCost(long agentId, AgentRunsCostQuery q) {
        return get("/api/v1/billing/agents/" + agentId + "/runs" + Query.form()
                .add("startDate", q.startDate())
                .add("endDate", q.endDate())
                .add("pageIndex", q.pageIndex())
                .add("recordsPerPage", q.recordsPerPage())
                .addNonEmpty("sortColumn", q.sortColumn())
                .add("sortOrder", q.sortOrder())
                .addNonEmpty("usageTypes", q.usageTypes()));
    }

    // ---- Spaces ------------------------------------------------------------------------------

    /** [SP1] */
    public JsonNode listSpaces() { return get("/api/v1/spaces"); }

    /** [SP2] */
    public JsonNode getSpace(long spaceId) { return get("/api/v1/spaces/" + spaceId); }

    /** [SP3] */
    public JsonNode getSpaceAgents(long spaceId) { return get("/api/v1/spaces/" + spaceId + "/agents"); }

    /** [SP4] {@code encodeURIComponent} encoding (space as %20). */
    public JsonNode searchSpaceByName(String name) {
        return get("/api/v1/spaces/search?name=" + Query.encodeComponent(name));
    }

    /** [SP5] Body {@code {"InputParameters": "..."}} or {@code {}}. */
    public JsonNode runSpaceAgents(long spaceId, String inputParameters) {
        ObjectNode body = F.objectNode();
        if (inputParameters != null) body.put("InputParameters", inputParameters);
        return post("/api/v1/spaces/" + spaceId + "/run-all", body);
    }

    // ---- Analytics ---------------------------------------------------------------------------

    /** [AN1] */
    public JsonNode runsSummary(RunsSummaryQuery q) {
        return get("/api/v1/analytics/runs/summary" + Query.form()
                .addNonEmpty("startDate", q.startDate())
                .addNonEmpty("endDate", q.endDate())
                .addNonEmpty("status", q.status())
                .add("includeDetails", q.includeDetails()));
    }

    /** [AN2] */
    public JsonNode recordsSummary(String startDate, String endDate, Long agentId) {
        return get("/api/v1/analytics/records/summary" + Query.form()
                .addNonEmpty("startDate", startDate)
                .addNonEmpty("endDate", endDate)
                .add("agentId", agentId));
    }

    /** [AN3] */
    public JsonNode runDiagnostics(long agentId, long runId) {
        return get("/api/v1/analytics/agents/" + agentId + "/runs/" + runId + "/diagnostics");
    }

    /** [AN4] 404 when the agent never failed. */
    public JsonNode latestFailure(long agentId) {
        return get("/api/v1/analytics/agents/" + agentId + "/latest-failure");
    }

    // ---- Agent Builder (UNCONFIRMED paths, see spec §4.9) -------------------------------------

    /** [AB1] Body {@code {"prompt": ..., "spaceId": ...}}; spaceId omitted = default space. */
    public JsonNode startAgentBuild(String prompt, Long spaceId) {
        ObjectNode body = F.objectNode();
        body.put("prompt", prompt);
        if (spaceId != null) body.put("spaceId", spaceId);
        return post(BUILDER + "/start", body);
    }

    /** [AB2] */
    public JsonNode agentBuildStatus(String sessionId) {
        return get(BUILDER + "/" + Query.encodeComponent(sessionId) + "/status");
    }

    /** [AB3] */
    public void stopAgentBuild(String sessionId) {
        postVoid(BUILDER + "/" + Query.encodeComponent(sessionId) + "/stop");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static <T> T or(T v, T dflt) { return v != null ? v : dflt; }

    private static void putIf(ObjectNode o, String k, Object v) {
        if (v == null) return;
        if (v instanceof String s) o.put(k, s);
        else if (v instanceof Integer i) o.put(k, i);
        else if (v instanceof Long l) o.put(k, l);
        else if (v instanceof Boolean b) o.put(k, b);
        else throw new IllegalArgumentException("unsupported body value for " + k);
    }

    private static void putIf(ObjectNode o, String k, String v) { if (v != null) o.put(k, v); }
    private static void putIf(ObjectNode o, String k, Integer v) { if (v != null) o.put(k, v); }
    private static void putIf(ObjectNode o, String k, Boolean v) { if (v != null) o.put(k, v); }
}
