package com.sequentum.mcp.transport.http;

import java.util.Map;

/** Entry point of HTTP mode ({@code --http} or {@code TRANSPORT_MODE=http}). */
public final class HttpMain {
    private HttpMain() {}

    /** Starts the Streamable HTTP server; returns the process exit code when it stops. */
    public static int run(Map<String, String> env, String[] args) {
        System.err.println("sequentum-mcp: HTTP mode is not available in this build yet");
        return 1;
    }
}
