package com.sequentum.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Body;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Query;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Router;
import com.sequentum.sandbox.state.Agent;
import com.sequentum.sandbox.state.SandboxState;
import com.sequentum.sandbox.state.Schedule;
import com.sequentum.sandbox.state.ScheduleCalc;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** S1–S8: schedule CRUD, enable/disable and upcoming runs. */
public final class ScheduleRoutes {
    private ScheduleRoutes() {}

    public static void register(Router r, SandboxState st) {
        r.get("/api/v1/agent/{id}/schedules", c -> st.read(() -> {
            st.agent(c.id(1));
            Instant now = st.now();
            List<Schedule> out = new ArrayList<>();
            for (Schedule s : st.schedules().values()) {
                if (s.configId != c.id(1)) continue;
                ScheduleCalc.refresh(s, now);
                out.add(s);
            }
            return Reply.ok(out);
        }));
        r.post("/api/v1/agent/{id}/schedules", c -> {
            int agentId = c.id(1);
            Body b = c.json();
            Schedule s = new Schedule();
            s.configId = agentId;
            st.read(() -> st.agent(agentId));
            apply(s, b, true);
            Schedule created = st.addSchedule(s);
            return st.read(() -> Reply.ok(created));
        });
        r.get("/api/v1/agent/{id}/schedules/{id}", c -> st.read(() -> {
            Schedule s = st.schedule(c.id(1), c.id(2));
            ScheduleCalc.refresh(s, st.now());
            return Reply.ok(s);
        }));
        r.put("/api/v1/agent/{id}/schedules/{id}", c -> {
            Body b = c.json();
            return st.read(() -> {
                Schedule s = st.schedule(c.id(1), c.id(2));
                Schedule copy = copyOf(s);
                apply(copy, b, false);
                apply(s, b, false);
                s.updated = st.now();
                ScheduleCalc.refresh(s, s.updated);
                return Reply.ok(s);
            });
        });
        r.delete("/api/v1/agent/{id}/schedules/{id}", c -> {
            st.deleteSchedule(c.id(1), c.id(2));
            return Reply.noContent();
        });
        r.post("/api/v1/agent/{id}/schedules/{id}/enable", c -> setEnabled(st, c.id(1), c.id(2), true));
        r.post("/api/v1/agent/{id}/schedules/{id}/disable", c -> setEnabled(st, c.id(1), c.id(2), false));
        r.get("/api/v1/analytics/schedules/upcoming", c -> upcoming(st, c.query));
    }

    private static Reply setEnabled(SandboxState st, int agentId, int scheduleId, boolean enabled) {
        st.write(() -> {
            Schedule s = st.schedule(agentId, scheduleId);
            s.isEnabled = enabled;
            s.updated = st.now();
            ScheduleCalc.refresh(s, s.updated);
        });
        return Reply.noContent();
    }

    private static Schedule copyOf(Schedule s) {
        Schedule c = new Schedule();
        c.name = s.name;
        c.scheduleType = s.scheduleType;
        c.cronExpression = s.cronExpression;
        c.startTime = s.startTime;
        c.runEveryCount = s.runEveryCount;
        c.runEveryPeriod = s.runEveryPeriod;
        c.timezone = s.timezone;
        c.created = s.created;
        return c;
    }

    /** Validates the body and copies its fields onto {@code s} (a dry run on a copy is used for updates). */
    static void apply(Schedule s, Body b, boolean create) {
        String name = b.str("Name");
        if (name == null || name.isBlank()) throw ApiException.badRequest("Name is required.");
        Integer type = b.integer("ScheduleType");
        String cron = b.str("CronExpression");
        String startRaw = b.str("StartTime");
        Integer count = b.integer("RunEveryCount");
        Integer period = b.integer("RunEveryPeriod");
        String tz = b.str("Timezone");
        Instant start = startRaw == null || startRaw.isBlank() ? null : parseStart(startRaw);
        if (type == null && create) {
            type = cron != null ? 3 : count != null || period != null ? 2 : start != null ? 1 : null;
            if (type == null) throw ApiException.badRequest("ScheduleType is required (1 = RunOnce, 2 = RunEvery, 3 = CRON).");
        }
        int effType = type != null ? type : s.scheduleType;
        if (effType < 1 || effType > 3) throw ApiException.badRequest("ScheduleType must be 1 (RunOnce), 2 (RunEvery) or 3 (CRON).");
        if (tz != null) {
            try {
                ZoneId.of(tz);
            } catch (RuntimeException e) {
                throw ApiException.badRequest("Timezone '" + tz + "' is not a valid IANA time zone.");
            }
        }
        String effCron = cron != null ? cron : s.cronExpression;
        Instant effStart = start != null ? start : s.startTime;
        Integer effCount = count != null ? count : s.runEveryCount;
        Integer effPeriod = period != null ? period : s.runEveryPeriod;
        switch (effType) {
            case 1 -> {
                if (effStart == null) throw ApiException.badRequest("StartTime is required for a RunOnce schedule.");
            }
            case 2 -> {
                if (effCount == null || effCount < 1) throw ApiException.badRequest("RunEveryCount must be a positive number for a RunEvery schedule.");
                if (effPeriod == null || effPeriod < 1 || effPeriod > 5) {
                    throw ApiException.badRequest("RunEveryPeriod must be 1 (minutes), 2 (hours), 3 (days), 4 (weeks) or 5 (months).");
                }
            }
            default -> {
                if (ScheduleCalc.parseCron(effCron) == null) {
                    throw ApiException.badRequest("CronExpression '" + effCron + "' is not a valid 5-field cron expression.");
                }
            }
        }
        Integer parallelism = b.integer("Parallelism");
        Integer maxConc = b.integer("ParallelMaxConcurrency");
        String export = b.oneOf("ParallelExport", RunRoutes.PARALLEL_EXPORTS);
        String logLevel = b.oneOf("LogLevel", RunRoutes.LOG_LEVELS);
        String logMode = b.oneOf("LogMode", RunRoutes.LOG_MODES);
        Boolean enabled = b.bool("IsEnabled");
        Boolean exclusive = b.bool("IsExclusive");
        Boolean wait = b.bool("IsWaitOnFailure");
        String input = b.str("InputParameters");
        Integer proxy = create ? null : b.integer("ProxyPoolId");
        Integer serverGroup = create ? null : b.integer("ServerGroupId");
        if (parallelism != null && parallelism < 1) throw ApiException.badRequest("Parallelism must be at least 1.");
        // all validation passed: mutate
        s.name = name.trim();
        s.scheduleType = effType;
        s.cronExpression = effCron;
        s.startTime = effStart;
        s.runEveryCount = effCount;
        s.runEveryPeriod = effPeriod;
        if (tz != null) s.timezone = tz;
        if (s.timezone == null) s.timezone = "UTC";
        if (create) s.isEnabled = enabled == null || enabled;
        else if (enabled != null) s.isEnabled = enabled;
        if (parallelism != null) s.parallelism = parallelism;
        if (maxConc != null) s.parallelMaxConcurrency = maxConc;
        if (export != null) s.parallelExport = export;
        if (logLevel != null) s.logLevel = logLevel;
        if (logMode != null) s.logMode = logMode;
        if (exclusive != null) s.isExclusive = exclusive;
        if (wait != null) s.isWaitOnFailure = wait;
        if (input != null) s.inputParameters = input;
        if (proxy != null) s.proxyPoolId = proxy;
        if (serverGroup != null) s.serverGroupId = serverGroup;
    }

    private static Instant parseStart(String raw) {
        return Query.parseInstant(raw, "StartTime", false);
    }

    private static Reply upcoming(SandboxState st, Query q) {
        return st.read(() -> {
            Period p = Period.of(q, st.now(), Duration.ofDays(7), true);
            List<ObjectNode> items = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            for (Schedule s : st.schedules().values()) {
                if (!s.isEnabled) continue;
                Agent a = st.agents().get(s.configId);
                if (a == null) continue;
                Instant next = ScheduleCalc.next(s, p.start().minusMillis(1));
                if (next == null || next.isAfter(p.end())) continue;
                ObjectNode n = Json.object();
                n.put("scheduleId", s.id);
                n.put("agentId", a.id);
                n.put("agentName", a.name);
                n.put("scheduleName", s.name);
                n.put("nextRunTime", next.toString());
                n.put("timezone", s.timezone);
                n.put("isEnabled", s.isEnabled);
                items.add(n);
                times.add(next);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) order.add(i);
            order.sort(Comparator.comparing(times::get));
            ArrayNode arr = Json.array();
            for (int i : order) arr.add(items.get(i));
            return Reply.ok(arr);
        });
    }
}
