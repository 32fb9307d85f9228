package com.sequentum.mcp.resources;

import com.sequentum.mcp.json.RecordTruncation;
import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.ApiMalformedResponseError;
import com.sequentum.mcp.api.ApiNetworkError;
import com.sequentum.mcp.api.ApiRequestError;
import com.sequentum.mcp.api.ApiTimeoutError;
import com.sequentum.mcp.api.AuthenticationError;
import com.sequentum.mcp.api.Requests.AgentListQuery;
import com.sequentum.mcp.api.Requests.AgentsUsageQuery;
import com.sequentum.mcp.api.Requests.CostBreakdownQuery;
import com.sequentum.mcp.api.Requests.RunsSummaryQuery;
import com.sequentum.mcp.api.SequentumApi;
import com.sequentum.mcp.logging.ClientLog;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The 7 resources and 11 resource templates, in list order, with the API call behind each. One instance
 * per server: it turns the definitions into SDK specifications whose handlers get the API for the caller
 * through {@code apis} (the factory's {@code apiFor}).
 */
public final class ResourceCatalogue {
    public static final String MIME = "application/json";
    /** Larger response texts are cut (see {@link RecordTruncation}). */
    public static final int MAX_TEXT_BYTES = 256 * 1024;
    /** The template that also receives URIs no definition knows, so they get our own error message. */
    static final String FALLBACK_TEMPLATE = "sequentum://agents/{agentId}";
    private static final Pattern POSITIVE_ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** The operator's audit trail, listed only while {@code SEQUENTUM_AUDIT_LOG} is set (see {@link #withAudit}). */
    public static final String AUDIT_RECENT = "sequentum://audit/recent";
    public static final String AUDIT_RECENT_NAME = "Recent Audit Entries";
    public static final String AUDIT_RECENT_DESCRIPTION = "Your latest state-changing tool calls as the audit trail "
            + "recorded them (up to 100, newest first): time, tool, the ids acted on, outcome, upstream HTTP status "
            + "and duration. Only the reading principal's own entries; listed only when the operator turned the audit "
            + "trail on.";

    private static final List<ResourceDef> STATIC = List.of(
            new ResourceDef("sequentum://agents", "Agent List",
                    "The first page (up to 50) of the account's agents as the API returns them: id, name, status, "
                            + "configType, version and lastActivity of each.",
                    (api, ids, clock) -> unwrapAgents(api.listAgents(AgentListQuery.firstPage())),
                    "list_agents with {\"pageIndex\": 1, \"recordsPerPage\": 20}, then pageIndex 2, 3 and so on"),
            new ResourceDef("sequentum://spaces", "Spaces",
                    "All spaces (folders that group agents) with their id, name and description.",
                    (api, ids, clock) -> api.listSpaces(),
                    "get_space with {\"spaceId\": <id>} for one space at a time"),
            new ResourceDef("sequentum://billing/balance", "Credits Balance",
                    "Credits currently available to the organisation: availableCredits, organizationId and "
                            + "retrievedAt.",
                    (api, ids, clock) -> api.creditsBalance(),
                    "get_credits_balance"),
            new ResourceDef("sequentum://billing/spending", "Monthly Spending",
                    "Total credits spent in the current month (the API's default period) and the current balance.",
                    (api, ids, clock) -> api.spendingSummary(null, null),
                    "get_spending_summary with a shorter startDate/endDate range"),
            new ResourceDef("sequentum://billing/agents-usage", "Agent Costs (Current Month)",
                    "The agents that cost the most this month (UTC), most expensive first; first page of up to 50.",
                    (api, ids, clock) -> api.agentsUsage(new AgentsUsageQuery(IsoDates.startOfMonth(clock),
                            IsoDates.now(clock), 1, 50, "cost", 1, null, null)),
                    "get_agents_usage with {\"pageIndex\": 1, \"recordsPerPage\": 20, \"sortColumn\": \"cost\", "
                            + "\"sortOrder\": 1}, then pageIndex 2, 3 and so on"),
            new ResourceDef("sequentum://analytics/runs", "Recent Runs Summary",
                    "Summary of the runs of the last 24 hours: totals by outcome and the failed runs.",
                    (api, ids, clock) -> api.runsSummary(new RunsSummaryQuery(null, null, null, null)),
                    "get_runs_summary with a shorter startDate/endDate range or {\"includeDetails\": false}"),
            new ResourceDef("sequentum://analytics/upcoming-schedules", "Upcoming Schedules",
                    "Scheduled runs coming up in the next 7 days, with agent, schedule name and next run time.",
                    (api, ids, clock) -> api.upcomingSchedules(null, null),
                    "get_scheduled_runs with a shorter startDate/endDate range"));

    private static final List<ResourceDef> TEMPLATES = List.of(
            new ResourceDef("sequentum://agents/{agentId}", "Agent Detail",
                    "Full details of one agent: configuration, status, input parameters and more.",
                    (api, ids, clock) -> api.getAgent(ids.get("agentId")),
                    "get_agent with {\"agentId\": {agentId}}"),
            new ResourceDef("sequentum://agents/{agentId}/versions", "Agent Versions",
                    "The saved versions of one agent with author, date and comments.",
                    (api, ids, clock) -> api.getAgentVersions(ids.get("agentId")),
                    "get_agent_versions with {\"agentId\": {agentId}}"),
            new ResourceDef("sequentum://agents/{agentId}/schedules", "Agent Schedules",
                    "The schedules configured for one agent.",
                    (api, ids, clock) -> api.listSchedules(ids.get("agentId")),
                    "get_agent_schedule with {\"agentId\": {agentId}, \"scheduleId\": <id>} for one schedule at a time"),
            new ResourceDef("sequentum://agents/{agentId}/cost-breakdown", "Agent Cost Breakdown",
                    "Cost of one agent for the current month (UTC) by usage type, day by day.",
                    (api, ids, clock) -> api.agentCostBreakdown(ids.get("agentId"), new CostBreakdownQuery(
                            IsoDates.startOfMonth(clock), IsoDates.now(clock), "day", null)),
                    "get_agent_cost_breakdown with {\"agentId\": {agentId}, \"timeUnit\": \"month\"} or a shorter "
                            + "startDate/endDate range"),
            new ResourceDef("sequentum://spaces/{spaceId}", "Space Detail",
                    "Details of one space.",
                    (api, ids, clock) -> api.getSpace(ids.get("spaceId")),
                    "get_space with {\"spaceId\": {spaceId}}"),
            new ResourceDef("sequentum://spaces/{spaceId}/agents", "Space Agents",
                    "The agents in one space with their status and last activity.",
                    (api, ids, clock) -> api.getSpaceAgents(ids.get("spaceId")),
                    "list_agents with {\"spaceId\": {spaceId}, \"pageIndex\": 1, \"recordsPerPage\": 20}, then "
                            + "pageIndex 2, 3 and so on"),
            new ResourceDef("sequentum://agents/{agentId}/runs", "Agent Runs",
                    "The most recent runs of one agent (up to 50) with status, times and record counts.",
                    (api, ids, clock) -> api.getAgentRuns(ids.get("agentId"), null),
                    "get_agent_runs with {\"agentId\": {agentId}, \"maxRecords\": 10}"),
            new ResourceDef("sequentum://agents/{agentId}/runs/{runId}", "Run Status",
                    "Status and details of one run of an agent.",
                    (api, ids, clock) -> api.getRunStatus(ids.get("agentId"), ids.get("runId")),
                    "get_run_status with {\"agentId\": {agentId}, \"runId\": {runId}}"),
            new ResourceDef("sequentum://agents/{agentId}/runs/{runId}/files", "Run Files",
                    "The files one run produced, as the API lists them.",
                    (api, ids, clock) -> api.getRunFiles(ids.get("agentId"), ids.get("runId")),
                    "get_run_files with {\"agentId\": {agentId}, \"runId\": {runId}}"),
            new ResourceDef("sequentum://agents/{agentId}/runs/{runId}/diagnostics", "Run Diagnostics",
                    "Diagnostics of one run: statistics, errors, possible causes and suggested actions.",
                    (api, ids, clock) -> api.runDiagnostics(ids.get("agentId"), ids.get("runId")),
                    "get_run_diagnostics with {\"agentId\": {agentId}, \"runId\": {runId}}"),
            new ResourceDef("sequentum://agents/{agentId}/latest-failure", "Latest Failure",
                    "The most recent failed run of one agent with its error details.",
                    (api, ids, clock) -> api.latestFailure(ids.get("agentId")),
                    "get_latest_failure with {\"agentId\": {agentId}}"));

    private final Function<McpTransportContext, SequentumApi> apis;
    private final Clock clock;
    private Function<McpTransportContext, JsonNode> auditRecent;

    public ResourceCatalogue(Function<McpTransportContext, SequentumApi> apis, Clock clock) {
        this.apis = apis;
        this.clock = clock;
    }

    /**
     * Adds {@link #AUDIT_RECENT}, answered by {@code recent} for the reader's transport context (the caller's own
     * entries). Without this call (auditing off) the resource is not listed and reading it is an unknown URI.
     */
    public ResourceCatalogue withAudit(Function<McpTransportContext, JsonNode> recent) {
        this.auditRecent = recent;
        return this;
    }

    public static List<ResourceDef> staticResources() { return STATIC; }
    public static List<ResourceDef> templates() { return TEMPLATES; }

    // ---- SDK specifications -------------------------------------------------------------------

    public List<SyncResourceSpecification> resourceSpecifications() {
        List<SyncResourceSpecification> specs = new ArrayList<>(STATIC.stream().map(d -> new SyncResourceSpecification(
                Resource.builder(d.uri(), d.name()).description(d.description()).mimeType(MIME).build(),
                (exchange, request) -> read(exchange, request.uri()))).toList());
        Function<McpTransportContext, JsonNode> recent = auditRecent;
        if (recent != null) {
            specs.add(new SyncResourceSpecification(
                    Resource.builder(AUDIT_RECENT, AUDIT_RECENT_NAME).description(AUDIT_RECENT_DESCRIPTION).mimeType(MIME)
                            .build(),
                    (exchange, request) -> new ReadResourceResult(List.of(new TextResourceContents(AUDIT_RECENT, MIME,
                            RecordTruncation.apply(recent.apply(exchange == null ? McpTransportContext.EMPTY
                                    : exchange.transportContext()), MAX_TEXT_BYTES).text())))));
        }
        return specs;
    }

    public List<SyncResourceTemplateSpecification> templateSpecifications() {
        return TEMPLATES.stream().map(d -> new SyncResourceTemplateSpecification(
                ResourceTemplate.builder(d.uri(), d.name()).description(d.description()).mimeType(MIME).build(),
                (exchange, request) -> read(exchange, request.uri()))).toList();
    }

    public List<SyncCompletionSpecification> completionSpecifications() {
        return new Completions(apis).specifications();
    }

    /**
     * URI routing for the SDK: each definition matches as usual, and {@link #FALLBACK_TEMPLATE} also takes
     * every concrete URI no definition matches, so that it is answered with {@code Unknown resource URI}
     * instead of the SDK's generic {@code Resource not found}. Template references (with braces, as sent by
     * {@code completion/complete}) are never claimed by the fallback.
     */
    public static McpUriTemplateManagerFactory uriTemplateManagerFactory() {
        return template -> {
            McpUriTemplateManager standard = new DefaultMcpUriTemplateManager(template);
            if (!template.equals(FALLBACK_TEMPLATE)) return standard;
            return new McpUriTemplateManager() {
                @Override public List<String> getVariableNames() { return standard.getVariableNames(); }
                @Override public Map<String, String> extractVariableValues(String uri) {
                    return standard.extractVariableValues(uri);
                }
                @Override public boolean isUriTemplate(String uri) { return standard.isUriTemplate(uri); }
                @Override public boolean matches(String uri) {
                    return standard.matches(uri) || (!uri.contains("{") && find(uri).isEmpty());
                }
            };
        };
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The definition a concrete URI belongs to (static: exact match; template: one segment per variable). */
    public static Optional<ResourceDef> find(String uri) {
        for (ResourceDef d : STATIC) if (d.uri().equals(uri)) return Optional.of(d);
        for (ResourceDef d : TEMPLATES) if (d.match(uri) != null) return Optional.of(d);
        return Optional.empty();
    }

    /** {@code resources/read} for one URI on behalf of one client exchange (null in unit tests). */
    public ReadResourceResult read(McpSyncServerExchange exchange, String uri) {
        ClientLog.debug(exchange, "Reading resource " + uri);
        ReadResourceResult result;
        try {
            result = read(apis.apply(exchange == null ? McpTransportContext.EMPTY : exchange.transportContext()), uri);
        } catch (McpError e) {
            ClientLog.debug(exchange, "Reading resource " + uri + " failed: " + e.getMessage());
            throw e;
        }
        ClientLog.debug(exchange, "Read resource " + uri + " (" + result.contents().size() + " content item(s))");
        return result;
    }

    /** {@code resources/read} with a given API client. */
    public ReadResourceResult read(SequentumApi api, String uri) {
        ResourceDef def = find(uri).orElseThrow(() -> McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("Unknown resource URI: " + uri).data(Map.of("uri", uri)).build());
        Map<String, Long> ids = ids(def, uri);
        JsonNode data;
        try {
            data = def.reader().read(api, ids, clock);
        } catch (RuntimeException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("Failed to read resource " + uri + ": " + innerMessage(e)).build();
        }
        RecordTruncation.Result cut = RecordTruncation.apply(data, MAX_TEXT_BYTES);
        List<ResourceContents> contents = new ArrayList<>();
        contents.add(new TextResourceContents(uri, MIME, cut.text()));
        if (cut.truncated()) {
            contents.add(new TextResourceContents(uri, "text/plain", cut.note() + " To see the rest, call "
                    + def.pagingHint(ids) + "."));
        }
        return new ReadResourceResult(contents);
    }

    private static Map<String, Long> ids(ResourceDef def, String uri) {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (!def.isTemplate()) return ids;
        for (Map.Entry<String, String> v : def.match(uri).entrySet()) {
            if (!POSITIVE_ID.matcher(v.getValue()).matches()) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("Unknown resource URI: " + uri + " (invalid " + v.getKey() + ": must be a positive integer)")
                        .data(Map.of("uri", uri, "variable", v.getKey())).build();
            }
            ids.put(v.getKey(), Long.parseLong(v.getValue()));
        }
        return ids;
    }

    /** The API-derived message of a failure; never a stack trace, a header or a credential. */
    static String innerMessage(RuntimeException e) {
        if (e instanceof ApiRequestError || e instanceof AuthenticationError || e instanceof ApiTimeoutError
                || e instanceof ApiNetworkError || e instanceof ApiMalformedResponseError) {
            return e.getMessage();
        }
        return "An unknown error occurred";
    }

    private static JsonNode unwrapAgents(JsonNode response) {
        if (response != null && response.isObject() && response.has("agents")) return response.get("agents");
        return response;
    }
}
