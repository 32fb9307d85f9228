package com.sequentum.sandbox.state;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Next-run computation for the three schedule types (RunOnce, RunEvery, CRON). */
public final class ScheduleCalc {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private ScheduleCalc() {}

    /** Parses a UNIX 5-field cron expression or returns null when invalid. */
    public static Cron parseCron(String expr) {
        if (expr == null || expr.isBlank()) return null;
        try {
            Cron c = PARSER.parse(expr.trim());
            c.validate();
            return c;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String periodName(int p, int count) {
        String n = switch (p) {
            case 1 -> "minute";
            case 2 -> "hour";
            case 3 -> "day";
            case 4 -> "week";
            case 5 -> "month";
            default -> "unit";
        };
        return count == 1 ? n : n + "s";
    }

    /** First run strictly after {@code after}, or null. */
    public static Instant next(Schedule s, Instant after) {
        ZoneId zone = zone(s.timezone);
        switch (s.scheduleType) {
            case 1:
                return s.startTime != null && s.startTime.isAfter(after) ? s.startTime : null;
            case 2: {
                if (s.runEveryCount == null || s.runEveryPeriod == null || s.runEveryCount <= 0) return null;
                Instant base = s.startTime != null ? s.startTime : s.created;
                if (base.isAfter(after)) return base;
                int n = s.runEveryCount;
                if (s.runEveryPeriod == 5) {
                    ZonedDateTime z = base.atZone(zone);
                    long k = Math.max(0, ChronoUnit.MONTHS.between(z, after.atZone(zone)) / n - 1);
                    ZonedDateTime t = z.plusMonths(k * n);
                    while (!t.toInstant().isAfter(after)) t = t.plusMonths(n);
                    return t.toInstant();
                }
                long stepMs = n * switch (s.runEveryPeriod) {
                    case 1 -> 60_000L;
                    case 2 -> 3_600_000L;
                    case 3 -> 86_400_000L;
                    default -> 7 * 86_400_000L;
                };
                long diff = after.toEpochMilli() - base.toEpochMilli();
                long k = diff / stepMs + 1;
                return Instant.ofEpochMilli(base.toEpochMilli() + k * stepMs);
            }
            case 3: {
                Cron c = parseCron(s.cronExpression);
                if (c == null) return null;
                Optional<ZonedDateTime> n = ExecutionTime.forCron(c).nextExecution(after.atZone(zone));
                return n.map(ZonedDateTime::toInstant).orElse(null);
            }
            default:
                return null;
        }
    }

    public static ZoneId zone(String tz) {
        try {
            return tz == null || tz.isBlank() ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** Fills the derived fields {@code schedule}, {@code localSchedule} and {@code nextRunTime}. */
    public static void refresh(Schedule s, Instant now) {
        switch (s.scheduleType) {
            case 1 -> {
                s.schedule = "Once at " + s.startTime;
                s.localSchedule = "Once at " + (s.startTime == null ? "?" : s.startTime.atZone(zone(s.timezone)).toLocalDateTime());
            }
            case 2 -> {
                s.schedule = "Every " + s.runEveryCount + " " + periodName(s.runEveryPeriod, s.runEveryCount);
                s.localSchedule = s.schedule + " (" + s.timezone + ")";
            }
            case 3 -> {
                s.schedule = s.cronExpression;
                Cron c = parseCron(s.cronExpression);
                s.localSchedule = c == null ? s.cronExpression : CronDescriptor.instance(Locale.UK).describe(c);
            }
            default -> {
                s.schedule = null;
                s.localSchedule = null;
            }
        }
        s.nextRunTime = s.isEnabled ? next(s, now) : null;
    }
}
