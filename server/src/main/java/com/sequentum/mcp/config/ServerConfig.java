package com.sequentum.mcp.config;

import java.time.Duration;

/**
 * Settings shared by every transport. Built from the environment and command line by {@link ConfigLoader};
 * {@link #toString()} never prints the API key.
 */
public record ServerConfig(String apiUrl, String apiKey, Duration requestTimeout, boolean debug, String version) {

    @Override
    public String toString() {
        return "ServerConfig[apiUrl=" + apiUrl + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", requestTimeout="
                + requestTimeout + ", debug=" + debug + ", version=" + version + "]";
    }
}
