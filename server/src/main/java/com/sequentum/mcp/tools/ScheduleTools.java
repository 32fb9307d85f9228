package com.sequentum.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.sequentum.mcp.api.Requests.ScheduleRequest;
import com.sequentum.mcp.validation.Args;
import com.sequentum.mcp.validation.Dates;
import com.sequentum.mcp.validation.InvalidArgumentException;
import java.util.List;

/**
 * Schedule Management: list_agent_schedules, create_agent_schedule, delete_agent_schedule,
 * get_agent_schedule, update_agent_schedule, enable_agent_schedule, disable_agent_schedule,
 * get_scheduled_runs.
 */
public final class ScheduleTools {
    static final String AGENT_ID_FOR_SCHEDULE = "The numeric ID of the agent to schedule. Find it with list_agents or "
            + "search_agents, or take the agentId reported by get_agent_build_status when the agent was just built.";
    static final String SCHEDULE_ID = "The numeric ID of the schedule. Find it with list_agent_schedules.";
    static final int RUN_ONCE = 1;
    static final int RUN_EVERY = 2;
    static final int CRON = 3;
    /** Numeric parameters without a documented upper bound still have to fit the API's 32-bit integers. */
    static final long INT_MAX = Integer.MAX_VALUE;

    private ScheduleTools() {}

    public static List<ToolSpec> tools() {
        return List.of(listSchedules(), createSchedule(), deleteSchedule(), getSchedule(), updateSchedule(),
                enableSchedule(), disableSchedule(), scheduledRuns());
    }

    // ---- list / get / delete / enable / disable ------------------------------------------------

    static ToolSpec listSchedules() {
        return new ToolSpec("list_agent_schedules", "List Agent Schedules", Category.SCHEDULES,
                "Lists every schedule of one agent with its type (1 RunOnce, 2 RunEvery, 3 CRON), CRON expression or "
                        + "interval, time zone, next run time, enabled flag and run settings. Use it to check how an agent "
                        + "is scheduled before creating or changing a schedule.",
                Schema.object().number("agentId", AgentTools.AGENT_ID, true).build(),
                Hints.reading(), (ctx, a) -> ToolResult.json(ctx.api().listSchedules(a.id("agentId"))));
    }

    static ToolSpec getSchedule() {
        return new ToolSpec("get_agent_schedule", "Get Agent Schedule", Category.SCHEDULES,
                "Returns one schedule of an agent in full: name, type, CRON expression or interval, start time, time "
                        + "zone, next run time, enabled flag, input parameters and parallelism/log settings.",
                ids().build(), Hints.reading(),
                (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long scheduleId = a.id("scheduleId");
                    return ToolResult.json(ctx.api().getSchedule(agentId, scheduleId));
                });
    }

    static ToolSpec deleteSchedule() {
        return new ToolSpec("delete_agent_schedule", "Delete Agent Schedule", Category.SCHEDULES,
                "Permanently removes a schedule from an agent; the agent itself and its past runs are untouched. "
                        + "This cannot be undone — to pause a schedule instead, use disable_agent_schedule.",
                ids().build(), Hints.write(true, false),
                (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long scheduleId = a.id("scheduleId");
                    ctx.api().deleteSchedule(agentId, scheduleId);
                    return ToolResult.text("Successfully deleted schedule " + scheduleId + " from agent " + agentId,
                            ToolResult.fields("deleted", true, "agentId", agentId, "scheduleId", scheduleId));
                });
    }

    static ToolSpec enableSchedule() {
        return new ToolSpec("enable_agent_schedule", "Enable Agent Schedule", Category.SCHEDULES,
                "Switches a disabled schedule back on, so the agent runs again at the schedule's next run time.",
                ids().build(), Hints.write(false, false),
                (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long scheduleId = a.id("scheduleId");
                    ctx.api().enableSchedule(agentId, scheduleId);
                    return ToolResult.text("Successfully enabled schedule " + scheduleId + " for agent " + agentId
                            + ". The schedule will now run according to its configuration.",
                            ToolResult.fields("enabled", true, "agentId", agentId, "scheduleId", scheduleId));
                });
    }

    static ToolSpec disableSchedule() {
        return new ToolSpec("disable_agent_schedule", "Disable Agent Schedule", Category.SCHEDULES,
                "Pauses a schedule without deleting it: the agent is not started by this schedule until it is enabled "
                        + "again with enable_agent_schedule. Runs already in progress are not stopped.",
                ids().build(), Hints.write(false, false),
                (ctx, a) -> {
                    long agentId = a.id("agentId");
                    long scheduleId = a.id("scheduleId");
                    ctx.api().disableSchedule(agentId, scheduleId);
                    return ToolResult.text("Successfully disabled schedule " + scheduleId + " for agent " + agentId
                            + ". The schedule will not run until re-enabled.",
                            ToolResult.fields("disabled", true, "agentId", agentId, "scheduleId", scheduleId));
                });
    }

    static ToolSpec scheduledRuns() {
        return new ToolSpec("get_scheduled_runs", "Get Scheduled Runs", Category.SCHEDULES,
                "Lists the upcoming scheduled runs across all agents (schedule, agent, next run time, time zone, "
                        + "enabled flag). Without dates the API covers today and the following 7 days.",
                Schema.object()
                        .string("startDate", "Start of the window as an ISO 8601 date or date-time (default: today).", false)
                        .string("endDate", "End of the window as an ISO 8601 date or date-time (default: 7 days after the start).",
                                false)
                        .build(),
                Hints.reading(),
                (ctx, a) -> {
                    String startDate = a.string("startDate", false);
                    String endDate = a.string("endDate", false);
                    return ToolResult.json(ctx.api().upcomingSchedules(startDate, endDate));
                });
    }

    // ---- create / update -------------------------------------------------------------------------

    static ToolSpec createSchedule() {
        return new ToolSpec("create_agent_schedule", "Create Agent Schedule", Category.SCHEDULES,
                "Creates a schedule that starts an agent automatically. Three kinds exist, chosen with scheduleType "
                        + "(default 3): 1 = RunOnce — runs a single time at startTime, which is required and must be "
                        + "at least 1 minute in the future; 2 = RunEvery — repeats every runEveryCount × runEveryPeriod "
                        + "(period 1 = minutes, 2 = hours, 3 = days, 4 = weeks, 5 = months), both required, with an "
                        + "optional startTime that must lie in the future; 3 = CRON — follows cronExpression (required); "
                        + "startTime is not used for CRON. Give startTime as ISO 8601 in UTC, e.g. 2026-01-20T14:30:00Z. "
                        + "Always pass the user's timezone (IANA name such as America/New_York); the API assumes UTC "
                        + "otherwise. Examples: daily at 09:00 → {scheduleType: 3, cronExpression: '0 9 * * *', "
                        + "timezone: 'Europe/London'}; once → {scheduleType: 1, startTime: '2026-01-20T14:30:00Z'}; "
                        + "every 30 minutes → {scheduleType: 2, runEveryCount: 30, runEveryPeriod: 1}. The new schedule "
                        + "is enabled unless isEnabled is false.",
                scheduleSchema(Schema.object().number("agentId", AGENT_ID_FOR_SCHEDULE, true), true,
                        "Kind of schedule: 1 = RunOnce, 2 = RunEvery, 3 = CRON (default 3).").build(),
                Hints.write(false, false), ScheduleTools::handleCreate);
    }

    static ToolResult handleCreate(ToolContext ctx, Args a) {
        long agentId = a.id("agentId");
        String name = a.string("name", true);
        Params p = Params.read(a);
        int type = p.scheduleType() != null ? p.scheduleType() : CRON;
        if (type == RUN_ONCE && isEmpty(p.startTime())) {
            throw new InvalidArgumentException("startTime is required when scheduleType is 1 (RunOnce)");
        }
        if (type == RUN_EVERY && (p.runEveryCount() == null || p.runEveryPeriod() == null)) {
            throw new InvalidArgumentException("runEveryCount and runEveryPeriod are required when scheduleType is 2 (RunEvery)");
        }
        if (type == CRON && isEmpty(p.cronExpression())) {
            throw new InvalidArgumentException("cronExpression is required when scheduleType is 3 (CRON)");
        }
        Dates.checkScheduleStart(type, p.startTime(), ctx.clock());
        JsonNode created = ctx.api().createSchedule(agentId, p.request(name, type));
        return ToolResult.json("Schedule created successfully.\n\n", created);
    }

    static ToolSpec updateSchedule() {
        return new ToolSpec("update_agent_schedule", "Update Agent Schedule", Category.SCHEDULES,
                "Changes an existing schedule. name is required (pass the current name to keep it); every other "
                        + "field is changed only when given. Without scheduleType the kind is inferred: a cronExpression "
                        + "makes it CRON (3), runEveryCount/runEveryPeriod make it RunEvery (2); giving both without a "
                        + "scheduleType is rejected. The same startTime rules as create_agent_schedule apply (RunOnce: "
                        + "at least 1 minute ahead; RunEvery: in the future; ISO 8601 UTC). Read the schedule first with "
                        + "get_agent_schedule.",
                scheduleSchema(ids(), true, "Kind of schedule: 1 = RunOnce, 2 = RunEvery, 3 = CRON. Inferred from "
                        + "cronExpression or runEveryCount/runEveryPeriod when omitted.").build(),
                Hints.write(false, false), ScheduleTools::handleUpdate);
    }

    static ToolResult handleUpdate(ToolContext ctx, Args a) {
        long agentId = a.id("agentId");
        long scheduleId = a.id("scheduleId");
        String name = a.string("name", true);
        Params p = Params.read(a);
        Integer type = p.scheduleType();
        if (type == null) {
            boolean cron = p.cronExpression() != null;
            boolean every = p.runEveryCount() != null || p.runEveryPeriod() != null;
            if (cron && every) {
                throw new InvalidArgumentException("Conflicting schedule fields: both cronExpression and "
                        + "runEveryCount/runEveryPeriod were provided without an explicit scheduleType. Specify "
                        + "scheduleType to clarify intent (2=RunEvery, 3=CRON).");
            }
            type = cron ? Integer.valueOf(CRON) : every ? Integer.valueOf(RUN_EVERY) : null;
        }
        Dates.checkScheduleStart(type, p.startTime(), ctx.clock());
        JsonNode updated = ctx.api().updateSchedule(agentId, scheduleId, p.request(name, type));
        return ToolResult.json("Schedule updated successfully.\n\n", updated);
    }

    // ---- schedule parameters -------------------------------------------------------------------

    /** The optional schedule parameters, validated in the reference's order. */
    record Params(Integer scheduleType, String startTime, String cronExpression, Integer runEveryCount,
            Integer runEveryPeriod, String timezone, String inputParameters, Boolean isEnabled, Integer parallelism,
            Integer parallelMaxConcurrency, String parallelExport, String logLevel, String logMode, Boolean isExclusive,
            Boolean isWaitOnFailure) {

        static Params read(Args a) {
            Integer scheduleType = a.smallInt("scheduleType", false, 1, 3L);
            String startTime = a.string("startTime", false);
            String cronExpression = a.string("cronExpression", false);
            Integer runEveryCount = a.smallInt("runEveryCount", false, 1, INT_MAX);
            Integer runEveryPeriod = a.smallInt("runEveryPeriod", false, 1, 5L);
            String timezone = a.string("timezone", false);
            String inputParameters = a.jsonString("inputParameters", false);
            Boolean isEnabled = a.bool("isEnabled", false);
            Integer parallelism = a.smallInt("parallelism", false, 1, 50L);
            Integer parallelMaxConcurrency = a.smallInt("parallelMaxConcurrency", false, 1, INT_MAX);
            String parallelExport = a.string("parallelExport", false);
            String logLevel = a.string("logLevel", false);
            String logMode = a.string("logMode", false);
            Boolean isExclusive = a.bool("isExclusive", false);
            Boolean isWaitOnFailure = a.bool("isWaitOnFailure", false);
            return new Params(scheduleType, startTime, cronExpression, runEveryCount, runEveryPeriod, timezone,
                    inputParameters, isEnabled, parallelism, parallelMaxConcurrency, parallelExport, logLevel, logMode,
                    isExclusive, isWaitOnFailure);
        }

        ScheduleRequest request(String name, Integer effectiveType) {
            return new ScheduleRequest(name, effectiveType, cronExpression, startTime, runEveryCount, runEveryPeriod,
                    timezone, inputParameters, isEnabled, parallelism, parallelMaxConcurrency, parallelExport, logLevel,
                    logMode, isExclusive, isWaitOnFailure);
        }
    }

    private static Schema ids() {
        return Schema.object()
                .number("agentId", AgentTools.AGENT_ID, true)
                .number("scheduleId", SCHEDULE_ID, true);
    }

    private static Schema scheduleSchema(Schema base, boolean nameRequired, String typeDescription) {
        return base
                .string("name", "Name of the schedule (shown in the Control Center).", nameRequired)
                .numberEnum("scheduleType", typeDescription, false, List.of(1, 2, 3))
                .string("startTime", "When the schedule starts, ISO 8601 in UTC (e.g. 2026-01-20T14:30:00Z). Required for "
                        + "RunOnce (at least 1 minute ahead), optional for RunEvery (must be in the future), unused for CRON.",
                        false)
                .string("cronExpression", "CRON expression for scheduleType 3, e.g. '0 9 * * *' = every day at 09:00 in "
                        + "the schedule's time zone.", false)
                .number("runEveryCount", "For RunEvery: how many periods between runs (at least 1).", false)
                .numberEnum("runEveryPeriod", "For RunEvery: the period unit — 1 = minutes, 2 = hours, 3 = days, "
                        + "4 = weeks, 5 = months.", false, List.of(1, 2, 3, 4, 5))
                .string("timezone", "IANA time zone the schedule runs in, e.g. America/New_York (default UTC). Always "
                        + "pass the user's time zone.", false)
                .string("inputParameters", "Agent input parameters as a JSON string, e.g. '{\"url\": \"https://example.com\"}'.",
                        false)
                .bool("isEnabled", "Whether the schedule is active.", false)
                .number("parallelism", "Number of parallel agent instances per run, 1 to 50.", false)
                .number("parallelMaxConcurrency", "Maximum number of those instances running at the same time (at least 1).",
                        false)
                .stringEnum("parallelExport", "How parallel runs export data: Combined or Separated.", false,
                        List.of("Combined", "Separated"))
                .stringEnum("logLevel", "Run log level.", false, List.of("Fatal", "Error", "Warning", "Info"))
                .stringEnum("logMode", "Run log format.", false, List.of("Text", "TextAndHtml"))
                .bool("isExclusive", "Whether a scheduled run may not overlap another run of the agent.", false)
                .bool("isWaitOnFailure", "Whether a failed run waits for manual intervention.", false);
    }

    private static boolean isEmpty(String s) { return s == null || s.isEmpty(); }
}
