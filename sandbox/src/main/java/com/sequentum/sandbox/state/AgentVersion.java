package com.sequentum.sandbox.state;

import java.time.Instant;

/** AgentVersionModel. */
public final class AgentVersion {
    public String userName;
    public int version;
    public Instant created;
    public String comments;
    public long fileSize;
}
