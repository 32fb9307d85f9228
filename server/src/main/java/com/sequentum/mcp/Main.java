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
import com.sequentum.mcp.policy.ControlSettings;
import com.sequentum.mcp.transport.http.HttpMain;
import com.sequentum.mcp.policy.Policies;
import com.sequentum.mcp.transport.stdio.EarlyInitialize;
import com.sequentum.mcp.transport.stdio.FirstLine;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Command-line entry point: reads flags and environment ({@link ConfigLoader}), then serves MCP over stdio
 * ({@link RobustStdioTransport}) or hands over to {@link HttpMain}. Nothing but protocol frames is written to stdout.
 */
public final class Main {
    /** {@code SEQUENTUM_STDIO_EARLY_INITIALIZE=false} turns the early {@code initialize} answer off (default on). */
    public static final String EARLY_INITIALIZE_ENV = "SEQUENTUM_STDIO_EARLY_INITIALIZE";
    /** The first line is answered early only when it is shorter than this; longer ones take the normal path. */
    private static final int EARLY_LINE_LIMIT = 64 * 1024;

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
                ControlSettings.Given given;
                try {
                    given = ControlSettings.read(env, args);
                } catch (IllegalArgumentException e) {
                    err.println("Error: " + e.getMessage());
                    return ConfigLoader.EXIT_USAGE;
                }
                boolean early;
                try {
                    early = ControlSettings.flag(EARLY_INITIALIZE_ENV, env.getOrDefault(EARLY_INITIALIZE_ENV, "true"));
                } catch (IllegalArgumentException e) {
                    err.println("Error: " + e.getMessage());
                    return ConfigLoader.EXIT_USAGE;
                }
                // Answer early only when nothing can fail after the answer: the instructions are the plain policy
                // text only when no tool is hidden; an audit log or the sandbox can fail to open (stderr says why and
                // the process exits before stdout has said anything).
                if (early && given.selectsEverything() && given.auditLog() == null && !launch.sandbox()) {
                    return serveStdioEarly(launch, given, in, out, err, sandboxLauncher);
                }
                ControlSettings control;
                try {
                    control = given.resolve();
                } catch (IllegalArgumentException e) {
                    err.println("Error: " + e.getMessage());
                    return ConfigLoader.EXIT_USAGE;
                }
                Stdio stdio;
                try {
                    stdio = buildStdio(launch, control, in, out, err, sandboxLauncher);
                } catch (StartFailure f) {
                    return f.code;
                }
                stdio.transport().serve();
                return stdio.close();
        }
    }

    /**
     * Stdio with the first request answered while the server is built ({@link EarlyInitialize}): a start-up thread
     * builds the server; this thread reads the first line and, when it is a plain {@code initialize}, answers it at
     * once. The line is then served like any other (the SDK's duplicate answer is dropped).
     */
    private static int serveStdioEarly(Launch launch, ControlSettings.Given given, InputStream in, OutputStream out,
            PrintStream err, SandboxLauncher sandboxLauncher) {
        FutureTask<Stdio> build = new FutureTask<>(() -> buildStdio(launch, given.resolve(), in, out, err, sandboxLauncher));
        Thread builder = new Thread(build, "sequentum-mcp-start");
        builder.setDaemon(true);
        builder.start();
        // Every tool is offered, so nothing is removed from the instructions (McpServerFactory renders them so).
        EarlyInitialize early = new EarlyInitialize(McpServerFactory.SERVER_NAME, launch.config().version(),
                Policies.SUFFICIENCY_POLICY);
        FirstLine first = FirstLine.read(in, EARLY_LINE_LIMIT);
        byte[] line = first.line().orElse(null);
        byte[] answer = line == null ? null : early.answer(line, line.length).orElse(null);
        if (answer != null) {
            try {
                byte[] frame = java.util.Arrays.copyOf(answer, answer.length + 1);
                frame[answer.length] = '\n';
                out.write(frame); // one write: the client reads the whole line at once
                out.flush();
            } catch (java.io.IOException e) {
                // the client is gone; the reader will see the end of input
            }
        }
        Stdio stdio;
        try {
            stdio = build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConfigLoader.EXIT_CONFIG;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StartFailure f) return f.code;
            err.println("Error: the server could not start: " + e.getCause());
            return ConfigLoader.EXIT_CONFIG;
        }
        if (answer != null) stdio.transport().serve(first.rest(), line, answer);
        else stdio.transport().serve(first.all());
        return stdio.close();
    }

    /** A stdio server ready to serve, and the sandbox it talks to (if any). */
    private record Stdio(RobustStdioTransport transport, McpSyncServer server, AutoCloseable sandbox) {
        int close() {
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

    /** Start-up failed; the reason has been printed to stderr. */
    private static final class StartFailure extends Exception {
        final int code;

        StartFailure(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    private static Stdio buildStdio(Launch launch, ControlSettings control, InputStream in, OutputStream out,
            PrintStream err, SandboxLauncher sandboxLauncher) throws StartFailure {
        ServerConfig config = launch.config();
        AutoCloseable sandbox = null;
        if (launch.sandbox()) {
            SandboxLauncher.Running running;
            try {
                running = sandboxLauncher.start(launch.sandboxSeed());
            } catch (Exception e) {
                err.println("Error: " + e.getMessage());
                throw new StartFailure(ConfigLoader.EXIT_CONFIG);
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
        try {
            factory.control(control);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            closeQuietly(sandbox);
            throw new StartFailure(ConfigLoader.EXIT_CONFIG);
        }
        RobustStdioTransport stdio = new RobustStdioTransport(McpJsonDefaults.getMapper(), in, out);
        // immediateExecution(false): tool calls run on worker threads, so one slow call never blocks the reader.
        McpSyncServer server = factory.configure(McpServer.sync(stdio.provider())).immediateExecution(false).build();
        if (!control.selection().isEverything()) err.println("Tools: " + control.selection());
        err.println("Authentication: API Key");
        err.println("Sequentum MCP Server running on stdio");
        err.println("Connected to: " + config.apiUrl());
        return new Stdio(stdio, server, sandbox);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            // already failing
        }
    }
}
