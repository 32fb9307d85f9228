package com.sequentum.sandbox.state;

/** Billing usage types. */
public enum UsageType {
    SERVER_TIME("Server Time"), EXPORT_GB("Export GB"), AGENT_INPUTS("Agent Inputs"),
    PROXY_DATA("Proxy Data"), EXPORT_CPM("Export CPM");

    public final String label;

    UsageType(String label) { this.label = label; }

    public static UsageType byLabel(String s) {
        for (UsageType u : values()) if (u.label.equalsIgnoreCase(s.trim())) return u;
        return null;
    }
}
