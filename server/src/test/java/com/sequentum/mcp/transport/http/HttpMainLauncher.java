package com.sequentum.mcp.transport.http;

/** Runs HTTP mode in a child JVM for the shutdown test, exiting with the code {@link HttpMain#run} returns. */
public final class HttpMainLauncher {
    private HttpMainLauncher() {}

    public static void main(String[] args) {
        System.exit(HttpMain.run(System.getenv(), args));
    }
}
