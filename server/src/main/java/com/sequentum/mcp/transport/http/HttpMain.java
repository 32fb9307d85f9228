package com.sequentum.mcp.transport.http;

import com.sequentum.mcp.SandboxLauncher;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.config.Version;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
        return run(env, args, null, OptionalLong.empty());
    }

    /**
     * As {@link #run(Map, String[])}; with a {@code sandbox} launcher ({@code --sandbox --http}) the in-process
     * sandbox is started first and the server is wired to it: API, OAuth issuer and JWKS of the sandbox, JWT
     * validation on (see {@link HttpSettings#forSandbox}); with {@code REQUIRE_AUTH=false} token-less requests use
     * the sandbox API key.
     */
    public static int run(Map<String, String> env, String[] args, SandboxLauncher sandbox, OptionalLong seed) {
        HttpSettings settings;
        try {
            settings = HttpSettings.parse(env, args);
        } catch (IllegalArgumentException e) {
            System.err.println("sequentum-mcp: " + e.getMessage());
            return 1;
        }
        SandboxLauncher.Running running = null;
        if (sandbox != null) {
            try {
                running = sandbox.start(seed);
            } catch (Exception e) {
                System.err.println("sequentum-mcp: could not start the sandbox: " + e.getMessage());
                return 1;
            }
            List<String> ignored = SANDBOX_OVERRIDES.stream().filter(n -> env.get(n) != null && !env.get(n).isBlank())
                    .toList();
            if (!ignored.isEmpty()) System.err.println("Note: --sandbox ignores " + String.join(", ", ignored));
            settings = settings.forSandbox(running.baseUrl(), running.issuer(), running.jwksUrl());
        }
        try {
            return serve(settings, running);
        } finally {
            if (running != null) closeQuietly(running.handle());
        }
    }

    /** Settings that {@code --sandbox} replaces with the sandbox's own. */
    static final List<String> SANDBOX_OVERRIDES = List.of("SEQUENTUM_API_URL", "TOKEN_VALIDATION", "OAUTH_ISSUER",
            "OAUTH_AUDIENCE", "OAUTH_JWKS_URL");

    private static int serve(HttpSettings settings, SandboxLauncher.Running sandbox) {
        if (settings.debug()) {
            Console.line("[DEBUG] HTTP mode: OAuth2 tokens will be received via request headers");
            Console.line("[DEBUG] API_BASE_URL = {}", settings.apiUrl());
            Console.line("[DEBUG] HTTP_PORT = {}, HTTP_HOST = {}", settings.port(), settings.host());
        }
        AtomicReference<McpHttpServer> current = new AtomicReference<>();
        installShutdownHook(current);
        McpHttpServer server;
        try {
            server = McpHttpServer.start(settings, ApiHttp.create(settings.apiUrl(), ApiHttp.DEFAULT_TIMEOUT),
                    Version.get(), sandbox == null ? null : sandbox.apiKey());
        } catch (Exception e) {
            System.err.println("sequentum-mcp: could not start the HTTP server on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage());
            return 1;
        }
        current.set(server);
        if (sandbox != null) Console.line(sandboxLine(server.resourceUrl(), sandbox.baseUrl(), settings.requireAuth()));
        server.awaitStopped();
        return 0;
    }

    /** The one stderr line of {@code --sandbox --http}: both URLs and how requests authenticate. */
    static String sandboxLine(String mcpUrl, String sandboxUrl, boolean requireAuth) {
        return "Sandbox: MCP endpoint " + mcpUrl + " runs against the emulated Sequentum API and OAuth authorization "
                + "server at " + sandboxUrl + " (" + (requireAuth
                        ? "sign in through the sandbox's OAuth server; tokens are validated as JWTs"
                        : "REQUIRE_AUTH=false: requests without a token use the sandbox API key") + ")";
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // the process is ending anyway
        }
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
