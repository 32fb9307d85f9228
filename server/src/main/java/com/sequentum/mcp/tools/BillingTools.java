package com.sequentum.mcp.tools;

import com.sequentum.mcp.api.Requests.AgentRunsCostQuery;
import com.sequentum.mcp.api.Requests.AgentsUsageQuery;
import com.sequentum.mcp.api.Requests.CostBreakdownQuery;
import com.sequentum.mcp.validation.Args;
import com.sequentum.mcp.validation.Dates;
import java.util.List;

/**
 * Billing &amp; Credits: get_credits_balance, get_spending_summary, get_credit_history, get_agents_usage,
 * get_agent_cost_breakdown, get_agent_runs_cost.
 */
public final class BillingTools {
    static final String USAGE_TYPES = "Server Time, Export GB, Agent Inputs, Proxy Data, Export CPM";
    static final String START_DATE = "Start of the period, ISO 8601 (e.g. '2026-01-01' or '2026-01-01T00:00:00Z'). "
            + "Default: the first day of the current month (UTC).";
    static final String END_DATE = "End of the period, ISO 8601 (e.g. '2026-01-31T23:59:59Z'); not before startDate. "
            + "Default: now.";
    static final String USAGE_TYPES_PARAM = "Only these usage types, comma-separated, e.g. 'Server Time,Export GB'. "
            + "Known types: " + USAGE_TYPES + ".";
    static final long INT_MAX = Integer.MAX_VALUE;

    private BillingTools() {}

    public static List<ToolSpec> tools() {
        return List.of(creditsBalance(), spendingSummary(), creditHistory(), agentsUsage(), agentCostBreakdown(),
                agentRunsCost());
    }

    static ToolSpec creditsBalance() {
        return new ToolSpec("get_credits_balance", "Get Credits Balance", Category.BILLING,
                "Returns the organization's current credit balance: availableCredits, organizationId and the time "
                        + "the balance was read (retrievedAt).",
                Schema.object().build(), Hints.reading(),
                (ctx, a) -> ToolResult.json(ctx.api().creditsBalance()));
    }

    static ToolSpec spendingSummary() {
        return new ToolSpec("get_spending_summary", "Get Spending Summary", Category.BILLING,
                "Returns how many credits were spent in a period (totalSpent) together with the current balance. "
                        + "Without dates the API reports the current month.",
                Schema.object()
                        .string("startDate", "Start of the period, ISO 8601 date or date-time (default: start of the "
                                + "current month).", false)
                        .string("endDate", "End of the period, ISO 8601 date or date-time (default: now).", false)
                        .build(),
                Hints.reading(),
                (ctx, a) -> {
                    String startDate = a.string("startDate", false);
                    String endDate = a.string("endDate", false);
                    return ToolResult.json(ctx.api().spendingSummary(startDate, endDate));
                });
    }

    static ToolSpec creditHistory() {
        return new ToolSpec("get_credit_history", "Get Credit History", Category.BILLING,
                "Lists credit transactions (purchases, usage charges, expirations) with amount, resulting balance, "
                        + "date, expiry and message, one page at a time.",
                Schema.object()
                        .number("pageIndex", "Page number, starting at 1.", false)
                        .number("recordsPerPage", "Transactions per page, 1 to 100.", false)
                        .build(),
                Hints.reading(),
                (ctx, a) -> {
                    Integer pageIndex = a.smallInt("pageIndex", false, 1, INT_MAX);
                    Integer recordsPerPage = a.smallInt("recordsPerPage", false, 1, 100L);
                    return ToolResult.json(ctx.api().creditHistory(pageIndex, recordsPerPage));
                });
    }

    static ToolSpec agentsUsage() {
        return new ToolSpec("get_agents_usage", "Get Agents Usage", Category.BILLING,
                "Ranks agents by the credits they consumed in a period (agentId, agentName, cost, spaceId) with the "
                        + "total cost, paginated. The period defaults to the current month so far (UTC). Costs can be "
                        + "limited to usage types: " + USAGE_TYPES + ".",
                Schema.object()
                        .string("startDate", START_DATE, false)
                        .string("endDate", END_DATE, false)
                        .number("pageIndex", "Page number, starting at 1.", false)
                        .number("recordsPerPage", "Agents per page, 1 to 1000.", false)
                        .string("sortColumn", "Column to sort by: name or cost.", false)
                        .numberEnum("sortOrder", "Sort direction: 0 = ascending, 1 = descending.", false, List.of(0, 1))
                        .string("name", "Only agents whose name contains this text.", false)
                        .string("usageTypes", USAGE_TYPES_PARAM, false)
                        .build(),
                Hints.reading(), BillingTools::handleAgentsUsage);
    }

    static ToolResult handleAgentsUsage(ToolContext ctx, Args a) {
        Dates.Range range = Dates.billingRange(a.raw().get("startDate"), a.raw().get("endDate"), ctx.clock());
        Integer pageIndex = a.smallInt("pageIndex", false, 1, INT_MAX);
        Integer recordsPerPage = a.smallInt("recordsPerPage", false, 1, 1000L);
        String sortColumn = a.string("sortColumn", false);
        Integer sortOrder = a.smallInt("sortOrder", false, 0, 1L);
        String name = a.string("name", false);
        String usageTypes = a.string("usageTypes", false);
        return ToolResult.json(ctx.api().agentsUsage(new AgentsUsageQuery(range.start(), range.end(), pageIndex,
                recordsPerPage, sortColumn, sortOrder, name, usageTypes)));
    }

    static ToolSpec agentCostBreakdown() {
        return new ToolSpec("get_agent_cost_breakdown", "Get Agent Cost Breakdown", Category.BILLING,
                "Breaks one agent's cost down over time and by usage type. The answer has a labels array (one date "
                        + "label per day or month) and usageTypes[], each with a data array aligned position by position "
                        + "with labels, plus per-type and overall totalCost. The period defaults to the current month "
                        + "so far (UTC).",
                Schema.object()
                        .number("agentId", AgentTools.AGENT_ID, true)
                        .string("startDate", START_DATE, false)
                        .string("endDate", END_DATE, false)
                        .stringEnum("timeUnit", "Granularity of the labels: day or month.", false, List.of("day", "month"))
                        .string("usageTypes", USAGE_TYPES_PARAM, false)
                        .build(),
                Hints.reading(), BillingTools::handleCostBreakdown);
    }

    static ToolResult handleCostBreakdown(ToolContext ctx, Args a) {
        long agentId = a.id("agentId");
        Dates.Range range = Dates.billingRange(a.raw().get("startDate"), a.raw().get("endDate"), ctx.clock());
        String timeUnit = a.oneOf("timeUnit", false, List.of("day", "month"));
        String usageTypes = a.string("usageTypes", false);
        return ToolResult.json(ctx.api().agentCostBreakdown(agentId,
                new CostBreakdownQuery(range.start(), range.end(), timeUnit, usageTypes)));
    }

    static ToolSpec agentRunsCost() {
        return new ToolSpec("get_agent_runs_cost", "Get Agent Runs Cost", Category.BILLING,
                "Lists what each run of one agent cost (runId, date, start and end time, cost, billing type) with the "
                        + "total, paginated and sortable by date, cost or duration. The period defaults to the current "
                        + "month so far (UTC).",
                Schema.object()
                        .number("agentId", AgentTools.AGENT_ID, true)
                        .string("startDate", START_DATE, false)
                        .string("endDate", END_DATE, false)
                        .number("pageIndex", "Page number, starting at 1.", false)
                        .number("recordsPerPage", "Runs per page, 1 to 1000.", false)
                        .stringEnum("sortColumn", "Column to sort by.", false, List.of("date", "cost", "duration"))
                        .numberEnum("sortOrder", "Sort direction: 0 = ascending, 1 = descending.", false, List.of(0, 1))
                        .string("usageTypes", USAGE_TYPES_PARAM, false)
                        .build(),
                Hints.reading(), BillingTools::handleRunsCost);
    }

    static ToolResult handleRunsCost(ToolContext ctx, Args a) {
        long agentId = a.id("agentId");
        Dates.Range range = Dates.billingRange(a.raw().get("startDate"), a.raw().get("endDate"), ctx.clock());
        Integer pageIndex = a.smallInt("pageIndex", false, 1, INT_MAX);
        Integer recordsPerPage = a.smallInt("recordsPerPage", false, 1, 1000L);
        String sortColumn = a.oneOf("sortColumn", false, List.of("date", "cost", "duration"));
        Integer sortOrder = a.smallInt("sortOrder", false, 0, 1L);
        String usageTypes = a.string("usageTypes", false);
        return ToolResult.json(ctx.api().agentRunsCost(agentId, new AgentRunsCostQuery(range.start(), range.end(),
                pageIndex, recordsPerPage, sortColumn, sortOrder, usageTypes)));
    }
}
