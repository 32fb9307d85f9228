package com.sequentum.sandbox.state;

import java.util.Set;

/** Run status strings of AgentRunApiModel and the agent's last-run status code mapping. */
public final class RunStatus {
    public static final String UNKNOWN = "Unknown";
    public static final String QUEUING = "Queuing";
    public static final String QUEUED = "Queued";
    public static final String STARTING = "Starting";
    public static final String RUNNING = "Running";
    public static final String STOPPING = "Stopping";
    public static final String STOPPED = "Stopped";
    public static final String COMPLETED = "Completed";
    public static final String COMPLETED_WITH_ERRORS = "CompletedWithErrors";
    public static final String FAILED = "Failed";
    public static final String FAILED_TO_START = "FailedToStart";
    public static final String WAITING_ON_FAILURE = "WaitingOnFailure";

    public static final Set<String> ALL = Set.of(UNKNOWN, QUEUING, QUEUED, STARTING, RUNNING, STOPPING, STOPPED,
            COMPLETED, COMPLETED_WITH_ERRORS, FAILED, FAILED_TO_START, WAITING_ON_FAILURE);
    public static final Set<String> ACTIVE = Set.of(QUEUING, QUEUED, STARTING, RUNNING, STOPPING, WAITING_ON_FAILURE);

    private RunStatus() {}

    public static boolean isActive(String s) { return ACTIVE.contains(s); }

    public static boolean isFailure(String s) { return FAILED.equals(s) || FAILED_TO_START.equals(s); }

    public static boolean hasOutput(String s) {
        return COMPLETED.equals(s) || COMPLETED_WITH_ERRORS.equals(s) || STOPPED.equals(s);
    }

    /** Agent status code (0 Invalid … 12 Waiting) for a last-run status. */
    public static int agentCode(String s) {
        return switch (s) {
            case RUNNING -> 1;
            case STARTING -> 3;
            case QUEUING, QUEUED -> 4;
            case STOPPING -> 5;
            case FAILED_TO_START -> 6;
            case FAILED -> 7;
            case STOPPED -> 8;
            case COMPLETED -> 9;
            case COMPLETED_WITH_ERRORS -> 9;
            case WAITING_ON_FAILURE -> 12;
            default -> 0;
        };
    }
}
