package com.sequentum.sandbox.state;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** AgentScheduleApiModel. */
public final class Schedule {
    public int id;
    public int configId;
    public String name;
    public String schedule;
    public String localSchedule;
    public String timezone;
    public Instant nextRunTime;
    public Instant startTime;
    public int scheduleType;
    public boolean isEnabled;
    public Integer runEveryCount;
    public Integer runEveryPeriod;
    public String inputParameters;
    public int parallelism = 1;
    public int parallelMaxConcurrency = 1;
    public String parallelExport = "Combined";
    public Integer proxyPoolId;
    public String logLevel = "Info";
    public String logMode = "Text";
    public Instant created;
    public Instant updated;

    // ---- internal (not part of AgentScheduleApiModel) ----
    @JsonIgnore
    public String cronExpression;
    @JsonIgnore
    public Integer serverGroupId;
    @JsonIgnore
    public boolean isExclusive = true;
    @JsonIgnore
    public boolean isWaitOnFailure;
}
