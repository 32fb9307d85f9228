package com.sequentum.mcp.api;

/** Typed request parameters for the endpoints that take more than an id or two. {@code null} = not sent. */
public final class Requests {
    private Requests() {}

    /** A1 {@code GET /api/v1/agent/all}; {@code name} is the MCP {@code search} argument, {@code sortOrder} 0 = asc, 1 = desc. */
    public record AgentListQuery(Integer status, Long spaceId, String name, String configType, String sortColumn,
            Integer sortOrder, Integer pageIndex, Integer recordsPerPage) {
        public static AgentListQuery firstPage() {
            return new AgentListQuery(null, null, null, null, null, null, 1, 50);
        }
    }

    /** R3 body; nulls take the reference defaults except ProxyPoolId/InputParameters, which are then omitted. */
    public record StartAgentRequest(Integer parallelism, Integer parallelMaxConcurrency, String parallelExport,
            Long proxyPoolId, String inputParameters, Integer timeout, Boolean isExclusive, Boolean isWaitOnFailure,
            Boolean isRunSynchronously, String logLevel, String logMode) {
        public static StartAgentRequest defaults() {
            return new StartAgentRequest(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** S2/S5 fields. Create sends Name, IsEnabled (default true), Parallelism (default 1), then the set ones; update sends only what is set. */
    public record ScheduleRequest(String name, Integer scheduleType, String cronExpression, String startTime,
            Integer runEveryCount, Integer runEveryPeriod, String timezone, String inputParameters, Boolean isEnabled,
            Integer parallelism, Integer parallelMaxConcurrency, String parallelExport, String logLevel, String logMode,
            Boolean isExclusive, Boolean isWaitOnFailure) {}

    /** B4 {@code GET /api/v1/billing/agents}. */
    public record AgentsUsageQuery(String startDate, String endDate, Integer pageIndex, Integer recordsPerPage,
            String sortColumn, Integer sortOrder, String name, String usageTypes) {}

    /** B5 {@code GET /api/v1/billing/agents/{id}}. */
    public record CostBreakdownQuery(String startDate, String endDate, String timeUnit, String usageTypes) {}

    /** B6 {@code GET /api/v1/billing/agents/{id}/runs}. */
    public record AgentRunsCostQuery(String startDate, String endDate, Integer pageIndex, Integer recordsPerPage,
            String sortColumn, Integer sortOrder, String usageTypes) {}

    /** AN1 {@code GET /api/v1/analytics/runs/summary}. */
    public record RunsSummaryQuery(String startDate, String endDate, String status, Boolean includeDetails) {}
}
