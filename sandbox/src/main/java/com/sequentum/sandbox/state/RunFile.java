package com.sequentum.sandbox.state;

import java.time.Instant;

/** AgentRunFileApiModel; content is generated on demand from the owning run. */
public final class RunFile {
    public int id;
    public String name;
    public String fileType;
    public long fileSize;
    public Instant created;
    public int regionId = 1;

    int runId;
    int agentId;
    int rows;

    public int runId() { return runId; }
    public int agentId() { return agentId; }
    public int rows() { return rows; }
}
