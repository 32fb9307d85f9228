package com.sequentum.mcp.config;

import com.sequentum.mcp.api.ApiHttp;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the command line and the environment into a {@link Launch}: which mode to run and, for stdio, the
 * {@link ServerConfig}. Never prints anything; problems come back as {@link ConfigException} carrying the
 * message for stderr and the exit code (1 = configuration, 2 = command-line usage).
 */
public final class ConfigLoader {
    public static final int EXIT_CONFIG = 1;
    public static final int EXIT_USAGE = 2;
    public static final long DEFAULT_TIMEOUT_MS = 30_000;

    /** What the process should do. */
    public enum Mode { STDIO, HTTP, HELP, VERSION }

    /**
     * The outcome of parsing. For {@link Mode#STDIO} {@code config} is set; with {@code sandbox} its API URL and key
     * are still unset (the sandbox supplies them when it starts). {@code warnings} are for stderr.
     */
    public record Launch(Mode mode, ServerConfig config, boolean sandbox, OptionalLong sandboxSeed,
            boolean apiUrlDefaulted, java.util.List<String> warnings) {}

    /** A problem that stops the process: print {@link #getMessage()} on stderr and exit with {@link #exitCode()}. */
    public static final class ConfigException extends RuntimeException {
        private final int exitCode;

        public ConfigException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() { return exitCode; }
    }

    private ConfigLoader() {}

    /** {@code DEBUG} is on only when it is exactly {@code 1}. */
    public static boolean debug(Map<String, String> env) {
        return "1".equals(env.get("DEBUG"));
    }

    public static Launch load(Map<String, String> env, String[] args) {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) return simple(Mode.HELP, warnings);
        }
        for (String a : args) {
            if (a.equals("--version") || a.equals("-V")) return simple(Mode.VERSION, warnings);
        }
        String transport = env.get("TRANSPORT_MODE");
        boolean http = "http".equals(transport);
        for (String a : args) {
            if (a.equals("--http")) http = true;
        }
        if (http) {
            // HTTP settings parse their own flags; only the sandbox choice is read here.
            OptionalLong httpSeed = OptionalLong.empty();
            boolean httpSandbox = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--sandbox")) {
                    httpSandbox = true;
                } else if (args[i].equals("--sandbox-seed") || args[i].startsWith("--sandbox-seed=")) {
                    String value = args[i].startsWith("--sandbox-seed=") ? args[i].substring("--sandbox-seed=".length())
                            : i + 1 < args.length ? args[++i] : null;
                    httpSeed = OptionalLong.of(seed(value));
                    httpSandbox = true;
                }
            }
            return new Launch(Mode.HTTP, null, httpSandbox, httpSeed, false, java.util.List.copyOf(warnings));
        }
        if (transport != null && !transport.isEmpty() && !transport.equals("stdio")) {
            warnings.add("Warning: TRANSPORT_MODE=\"" + transport + "\" is not \"http\"; serving on stdio");
        }

        boolean sandbox = false;
        OptionalLong seed = OptionalLong.empty();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--sandbox")) {
                sandbox = true;
            } else if (a.equals("--sandbox-seed") || a.startsWith("--sandbox-seed=")) {
                String value = a.startsWith("--sandbox-seed=") ? a.substring("--sandbox-seed=".length())
                        : i + 1 < args.length ? args[++i] : null;
                seed = OptionalLong.of(seed(value));
                sandbox = true;
            } else if (com.sequentum.mcp.policy.ControlSettings.isFlag(a)) {
                // tool selection, read by ControlSettings; skip the value of the two-word forms
                if ((a.equals("--toolsets") || a.equals("--tools")) && i + 1 < args.length) i++;
            } else {
                throw new ConfigException("Error: unknown option \"" + a + "\"\n\n" + usage(), EXIT_USAGE);
            }
        }

        Duration timeout = timeout(env.get("SEQUENTUM_TIMEOUT_MS"));
        boolean debug = debug(env);
        String rawUrl = env.get("SEQUENTUM_API_URL");
        boolean urlDefaulted = rawUrl == null || rawUrl.isEmpty();
        String apiKey = env.get("SEQUENTUM_API_KEY");
        if (sandbox) {
            if (!urlDefaulted || (apiKey != null && !apiKey.isEmpty())) {
                warnings.add("Note: --sandbox ignores SEQUENTUM_API_URL and SEQUENTUM_API_KEY");
            }
            return new Launch(Mode.STDIO, new ServerConfig(null, null, timeout, debug, Version.get()), true, seed,
                    false, java.util.List.copyOf(warnings));
        }
        String apiUrl = apiUrl(rawUrl);
        if (apiKey == null || apiKey.isBlank()) {
            throw new ConfigException("Error: API Key required for stdio mode: set SEQUENTUM_API_KEY=\"sk-your-api-key-here\" "
                    + "(or try the server with --sandbox; for HTTP mode set TRANSPORT_MODE=\"http\")", EXIT_CONFIG);
        }
        return new Launch(Mode.STDIO, new ServerConfig(apiUrl, apiKey.strip(), timeout, debug, Version.get()), false,
                OptionalLong.empty(), urlDefaulted, java.util.List.copyOf(warnings));
    }

    /** Empty or unset → the default; otherwise an absolute http(s) URL (one trailing slash removed). */
    static String apiUrl(String raw) {
        String url = ApiHttp.normaliseBaseUrl(raw);
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new ConfigException("Error: SEQUENTUM_API_URL must be an absolute http(s) URL such as "
                    + ApiHttp.DEFAULT_BASE_URL + ", got \"" + raw + "\"", EXIT_CONFIG);
        }
        return url;
    }

    /** Unset or empty → 30 s; otherwise a whole number of milliseconds, at least 1. */
    static Duration timeout(String raw) {
        if (raw == null || raw.isBlank()) return Duration.ofMillis(DEFAULT_TIMEOUT_MS);
        try {
            long ms = Long.parseLong(raw.strip());
            if (ms >= 1) return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ConfigException("Error: SEQUENTUM_TIMEOUT_MS must be a whole number of milliseconds >= 1, got \"" + raw
                + "\"", EXIT_CONFIG);
    }

    private static long seed(String value) {
        if (value == null) {
            throw new ConfigException("Error: --sandbox-seed needs a number, e.g. --sandbox-seed 42\n\n" + usage(), EXIT_USAGE);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("Error: --sandbox-seed needs a whole number, got \"" + value + "\"\n\n" + usage(),
                    EXIT_USAGE);
        }
    }

    private static Launch simple(Mode mode, java.util.List<String> warnings) {
        return new Launch(mode, null, false, OptionalLong.empty(), false, java.util.List.copyOf(warnings));
    }

    public static String usage() {
        return """
                Usage: java -jar sequentum-mcp.jar [options]

                An MCP server for the Sequentum Control Center API. By default it speaks MCP over stdio
                (newline-delimited JSON-RPC on stdin/stdout; logs go to stderr).

                Options:
                  --sandbox             serve against a built-in emulation of the Sequentum API (no key needed);
                                        with --http also its OAuth server, whose JWTs the server then validates
                  --sandbox-seed N      seed for the sandbox's generated data (implies --sandbox)
                  --http                serve Streamable HTTP instead of stdio (same as TRANSPORT_MODE=http)
                  --toolsets a,b        offer only these toolsets: agents, runs, files, versions, schedules,
                                        billing, spaces, analytics, builder (default: all)
                  --tools x,y           offer these individual tools (added to --toolsets; alone: only these)
                  --read-only           offer only read-only tools (beats --toolsets and --tools)
                  --version             print the version and exit
                  -h, --help            print this help and exit

                Environment:
                  SEQUENTUM_API_KEY     API key, sent as "Authorization: ApiKey <key>" (required on stdio unless --sandbox)
                  SEQUENTUM_API_URL     API base URL (default https://dashboard.sequentum.com)
                  SEQUENTUM_TIMEOUT_MS  per-attempt API timeout in milliseconds (default 30000)
                  TRANSPORT_MODE        stdio (default) or http
                  DEBUG                 1 = debug logging on stderr (API key and bearer tokens redacted)
                  SEQUENTUM_TOOLSETS, SEQUENTUM_TOOLS, SEQUENTUM_READ_ONLY
                                        the same as the three flags above (the flags win)
                  CONFIRM_DESTRUCTIVE   elicit (default), always or never: ask before delete/kill tools
                  SEQUENTUM_ALLOWED_SPACES  comma-separated space names or ids the server is confined to
                  SEQUENTUM_AUDIT_LOG   file path or "stderr": one JSON line per state-changing call
                  SEQUENTUM_STDIO_EARLY_INITIALIZE      false = answer initialize only once fully started
                  SEQUENTUM_SANDBOX_TIME_SCALE          sandbox run speed (default 1; 1000 = runs finish in ms)
                  SEQUENTUM_SANDBOX_TOKEN_TTL_SECONDS   sandbox OAuth access-token lifetime (default 3600)
                  (HTTP mode settings: see docs/http.md)

                Launch with -Xlog:disable -Xlog:all=warning:stderr so JVM warnings never reach stdout.""";
    }
}
