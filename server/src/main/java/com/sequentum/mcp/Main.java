package com.sequentum.mcp;

import com.sequentum.sandbox.SandboxConfig;
import com.sequentum.sandbox.SandboxServer;

import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.config.ConfigLoader;
import com.sequentum.mcp.config.ConfigLoader.ConfigException;
import com.sequentum.mcp.config.ConfigLoader.Launch;
import com.sequentum.mcp.config.ServerConfig;
import com.sequentum.mcp.config.Version;
import com.sequentum.mcp.logging.SecretRedactor;
import com.sequentum.mcp.transport.http.HttpMain;
import com.sequentum.mcp.transport.stdio.RobustStdioTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry point: reads flags and environment ({@link ConfigLoader}), then serves MCP over stdio
 * ({@link RobustStdioTransport}) or hands over to {@link HttpMain}. Nothing but protocol frames is written to stdout.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (ConfigLoader.debug(env)) {
            // Before the first logger exists. The SDK and Reactor stay at info: their debug lines carry raw messages.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.io.modelcontextprotocol", "info");
            System.setProperty("org.slf4j.simpleLogger.log.reactor", "info");
        }
        // Whatever reaches stderr (our logs, SDK logs, stray stack traces) has the API key and bearer tokens masked.
        SecretRedactor redactor = new SecretRedactor(List.of(env.getOrDefault("SEQUENTUM_API_KEY", "").strip()));
        PrintStream err = redactor.wrap(new FileOutputStream(FileDescriptor.err));
        System.setErr(err);
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        // Nothing else may write to stdout: anything printed by accident goes to stderr instead.
        System.setOut(err);
        int code = run(env, args, System.in, stdout, err, sandboxLauncher());
        err.flush();
        System.exit(code);
    }

    /**
     * The launcher behind {@code --sandbox}: the emulated API on an ephemeral loopback port, with the seed given on
     * the command line (or the sandbox's fixed default) and the time scale from {@code SEQUENTUM_SANDBOX_TIME_SCALE}
     * (default 1.0: a started run or build finishes in about 5–30 s; tests speed it up). The OAuth access-token
     * lifetime comes from {@code SEQUENTUM_SANDBOX_TOKEN_TTL_SECONDS} (default one hour; tests shorten it to exercise
     * refresh).
     */
    static SandboxLauncher sandboxLauncher() {
        return seed -> {
            SandboxConfig config = SandboxConfig.defaults().withPort(0);
            if (seed.isPresent()) config = config.withSeed(seed.getAsLong());
            String scale = System.getenv("SEQUENTUM_SANDBOX_TIME_SCALE");
            if (scale != null && !scale.isBlank()) {
                double value;
                try {
                    value = Double.parseDouble(scale.strip());
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("SEQUENTUM_SANDBOX_TIME_SCALE must be a positive number, got: " + scale);
                }
                config = config.withTimeScale(value);
            }
            String ttl = System.getenv("SEQUENTUM_SANDBOX_TOKEN_TTL_SECONDS");
            if (ttl != null && !ttl.isBlank()) config = config.withAccessTokenTtl(tokenTtl(ttl));
            SandboxServer sandbox = SandboxServer.start(config);
            return new SandboxLauncher.Running(sandbox.baseUrl(), sandbox.apiKey(), sandbox.issuer(), sandbox.jwksUrl(),
                    sandbox);
        };
    }

    /** {@code SEQUENTUM_SANDBOX_TOKEN_TTL_SECONDS}: a whole number of seconds from 1 to 86400. */
    static java.time.Duration tokenTtl(String raw) {
        try {
            long seconds = Long.parseLong(raw.strip());
            if (seconds >= 1 && seconds <= 86_400) return java.time.Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("SEQUENTUM_SANDBOX_TOKEN_TTL_SECONDS must be a whole number of seconds from 1 "
                + "to 86400, got: " + raw);
    }

    /** Runs the process with explicit streams (tests call this in-process); returns the exit code. */
    public static int run(Map<String, String> env, String[] args, InputStream in, OutputStream out, PrintStream err,
            SandboxLauncher sandboxLauncher) {
        Launch launch;
        try {
            launch = ConfigLoader.load(env, args);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return e.exitCode();
        }
        launch.warnings().forEach(err::println);
        switch (launch.mode()) {
            case HELP:
                err.println(ConfigLoader.usage());
                return 0;
            case VERSION:
                err.println("sequentum-mcp " + Version.get());
                return 0;
            case HTTP:
                return HttpMain.run(env, args, launch.sandbox() ? sandboxLauncher : null, launch.sandboxSeed());
            default:
                return serveStdio(launch, in, out, err, sandboxLauncher);
        }
    }

    private static int serveStdio(Launch launch, InputStream in, OutputStream out, PrintStream err,
            SandboxLauncher sandboxLauncher) {
        ServerConfig config = launch.config();
        AutoCloseable sandbox = null;
        if (launch.sandbox()) {
            SandboxLauncher.Running running;
            try {
                running = sandboxLauncher.start(launch.sandboxSeed());
            } catch (Exception e) {
                err.println("Error: " + e.getMessage());
                return ConfigLoader.EXIT_CONFIG;
            }
            sandbox = running.handle();
            config = new ServerConfig(running.baseUrl(), running.apiKey(), config.requestTimeout(), config.debug(),
                    config.version());
            err.println("Sandbox: emulated Sequentum API at " + running.baseUrl()
                    + launch.sandboxSeed().stream().mapToObj(s -> " (seed " + s + ")").findFirst().orElse(""));
        }
        if (config.debug()) {
            err.println("[DEBUG] Using API Key authentication");
            err.println("[DEBUG] TRANSPORT_MODE = stdio");
            err.println("[DEBUG] API_BASE_URL = " + config.apiUrl() + (launch.apiUrlDefaulted() ? " (default)" : ""));
            err.println("[DEBUG] Auth Mode = apikey");
        }
        String apiKey = config.apiKey();
        ApiHttp http = ApiHttp.create(config.apiUrl(), config.requestTimeout());
        McpServerFactory factory = new McpServerFactory(http, ctx -> Credentials.apiKey(apiKey), Clock.systemUTC(),
                config.version(), config.debug());
        RobustStdioTransport stdio = new RobustStdioTransport(McpJsonDefaults.getMapper(), in, out);
        // immediateExecution(false): tool calls run on worker threads, so one slow call never blocks the reader.
        McpSyncServer server = factory.configure(McpServer.sync(stdio.provider())).immediateExecution(false).build();
        err.println("Authentication: API Key");
        err.println("Sequentum MCP Server running on stdio");
        err.println("Connected to: " + config.apiUrl());
        stdio.serve();
        try {
            server.closeGracefully();
        } catch (RuntimeException e) {
            // closing after end of input; nothing left to answer
        }
        if (sandbox != null) {
            try {
                sandbox.close();
            } catch (Exception e) {
                // the process is ending anyway
            }
        }
        return 0;
    }
}
