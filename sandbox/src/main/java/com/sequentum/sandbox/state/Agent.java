package com.sequentum.sandbox.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AgentApiModel plus internal simulation settings (non-public fields are not serialised). */
public final class Agent {
    public int id;
    public String name;
    public String description;
    public String documentation;
    public String icon;
    public String image;
    public Map<String, String> inputParameters = new LinkedHashMap<>();
    public String configType;
    public Integer proxyPoolId;
    public int spaceId;
    public String startUrl;
    public Integer status;
    public int userId;
    public String validationStatus;
    public int version;
    public Instant created;
    public Instant updated;
    public Instant lastActivity;
    public String agentTemplates;

    /** Probability that a run fails (0 = never, 1 = always). */
    double failRate;
    /** Probability that a run completes with errors. */
    double errorRate;
    /** Typical number of records per run. */
    int typicalRecords;
    /** Whether runs use proxy traffic (billed as Proxy Data). */
    boolean usesProxy;
    /** Column names of the data this agent extracts. */
    List<String> columns = new ArrayList<>();
    final List<AgentVersion> versions = new ArrayList<>();

    public double failRate() { return failRate; }
    public double errorRate() { return errorRate; }
    public int typicalRecords() { return typicalRecords; }
    public boolean usesProxy() { return usesProxy; }
    public List<String> columns() { return columns; }
    public List<AgentVersion> versions() { return versions; }

    public void configure(double failRate, double errorRate, int typicalRecords, boolean usesProxy, List<String> columns) {
        this.failRate = failRate;
        this.errorRate = errorRate;
        this.typicalRecords = typicalRecords;
        this.usesProxy = usesProxy;
        this.columns = new ArrayList<>(columns);
    }
}
