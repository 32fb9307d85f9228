package com.sequentum.mcp.transport.http;

import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.config.Version;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point of HTTP mode ({@code --http} or {@code TRANSPORT_MODE=http}). */
public final class HttpMain {
    private static final Logger LOG = LoggerFactory.getLogger(HttpMain.class);
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

    private HttpMain() {}

    /**
     * Starts the Streamable HTTP server and blocks until it stops; returns the process exit code (1 for invalid
     * settings or when the port cannot be bound). SIGTERM/SIGINT stop it gracefully and end the process with 0.
     */
    public static int run(Map<String, String> env, String[] args) {
        HttpSettings settings;
        try {
            settings = HttpSettings.parse(env, args);
        } catch (IllegalArgumentException e) {
            System.err.println("sequentum-mcp: " + e.getMessage());
            return 1;
        }
        if (settings.debug()) {
            Console.line("[DEBUG] HTTP mode: OAuth2 tokens will be received via request headers");
            Console.line("[DEBUG] API_BASE_URL = {}", settings.apiUrl());
            Console.line("[DEBUG] HTTP_PORT = {}, HTTP_HOST = {}", settings.port(), settings.host());
        }
        com.sequentum.mcp.policy.ControlSettings control;
        try {
            control = com.sequentum.mcp.policy.ControlSettings.parse(env, args);
        } catch (IllegalArgumentException e) {
            System.err.println("sequentum-mcp: " + e.getMessage());
            return 2;
        }
        AtomicReference<McpHttpServer> current = new AtomicReference<>();
        installShutdownHook(current);
        McpHttpServer server;
        try {
            server = McpHttpServer.start(settings, ApiHttp.create(settings.apiUrl(), ApiHttp.DEFAULT_TIMEOUT),
                    Version.get(), control);
        } catch (Exception e) {
            System.err.println("sequentum-mcp: could not start the HTTP server on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage());
            return 1;
        }
        current.set(server);
        server.awaitStopped();
        return 0;
    }

    /** One hook per process: graceful stop, then exit status 0 (a plain SIGTERM exit would report 143). */
    private static void installShutdownHook(AtomicReference<McpHttpServer> current) {
        if (!HOOK_INSTALLED.compareAndSet(false, true)) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println();
            Console.line("[MCP] Shutdown signal received, shutting down gracefully...");
            McpHttpServer server = current.get();
            if (server == null) return; // not started (yet): nothing to drain
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                    LOG.warn("[MCP] Graceful shutdown timed out, forcing exit");
                    Runtime.getRuntime().halt(1);
                } catch (InterruptedException ignored) {
                    // finished in time
                }
            }, "mcp-shutdown-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            server.stop();
            watchdog.interrupt();
            System.err.flush();
            Runtime.getRuntime().halt(0);
        }, "mcp-shutdown"));
    }
}
