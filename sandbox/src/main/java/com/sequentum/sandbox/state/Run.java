package com.sequentum.sandbox.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** AgentRunApiModel plus the internal timeline used to advance live runs. */
public final class Run {
    public int id;
    public int configId;
    public int organizationId;
    public String status;
    public Instant startTime;
    public Instant endTime;
    public String startedBy;
    public String errorMessage;
    public Integer recordsExtracted;
    public Integer recordsExported;
    public int parallelism = 1;
    public String parallelSet;
    public String logLevel = "Info";
    public String logMode = "Text";

    // ---- internal ----
    /** Null for a static (seeded) run; otherwise the real instant the run was created. */
    Instant liveSince;
    /** Real-time offsets (ms since liveSince) at which the run enters Starting, Running, and finishes. */
    long startingAtMs, runningAtMs, finishAtMs;
    /** Outcome decided up front: Completed, CompletedWithErrors or Failed. */
    String plannedOutcome;
    String plannedError;
    int plannedRecords;
    /** Real instant at which a Stopping run becomes Stopped (null = not stopping). */
    Instant stopAt;
    boolean deleted;
    boolean synchronous;
    String inputParameters;
    final List<RunFile> files = new ArrayList<>();
    final Map<UsageType, Long> costCents = new EnumMap<>(UsageType.class);
    int inputCount, pageCount, errorCount;
    /** Billable runtime in simulated seconds. */
    long simSeconds;
    long traffic;

    public boolean isDeleted() { return deleted; }
    public List<RunFile> files() { return files; }
    public Map<UsageType, Long> costCents() { return costCents; }
    public int inputCount() { return inputCount; }
    public int pageCount() { return pageCount; }
    public int errorCount() { return errorCount; }
    public long traffic() { return traffic; }
    public String inputParameters() { return inputParameters; }
    public boolean isLive() { return liveSince != null; }

    public long totalCents() {
        long t = 0;
        for (long c : costCents.values()) t += c;
        return t;
    }

    public long runtimeSeconds(Instant now) {
        if (startTime == null) return 0;
        Instant end = endTime != null ? endTime : now;
        return Math.max(0, (end.toEpochMilli() - startTime.toEpochMilli()) / 1000);
    }
}
