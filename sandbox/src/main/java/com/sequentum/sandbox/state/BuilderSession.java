package com.sequentum.sandbox.state;

import java.time.Instant;

/** An Agent Builder session. */
public final class BuilderSession {
    public String sessionId;
    public String prompt;
    public int spaceId;
    public Instant createdAt;
    public Instant finishAt;
    public String status = "processing";
    public Integer agentId;
    public String agentName;
    public String error;
}
