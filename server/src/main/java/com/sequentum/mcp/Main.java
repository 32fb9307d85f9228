package com.sequentum.mcp;

import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.config.ServerConfig;
import com.sequentum.mcp.config.Version;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Command-line entry point: parses flags and environment, then serves MCP over stdio. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream err = System.err;
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                err.println(usage());
                return;
            }
            if (a.equals("--version") || a.equals("-v")) {
                err.println(Version.get());
                return;
            }
        }
        Map<String, String> env = System.getenv();
        if ("1".equals(env.get("DEBUG")) || "true".equalsIgnoreCase(env.get("DEBUG"))) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        String apiKey = env.get("SEQUENTUM_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            err.println("sequentum-mcp: SEQUENTUM_API_KEY is not set. Set it to your Sequentum API key (Control Center > "
                    + "Users > Manage API keys), or run with --sandbox to try the server against the built-in sandbox.");
            System.exit(1);
        }
        ServerConfig config = new ServerConfig(ApiHttp.normaliseBaseUrl(env.get("SEQUENTUM_API_URL")), apiKey,
                Duration.ofSeconds(30), env.containsKey("DEBUG"), Version.get());
        ApiHttp http = ApiHttp.create(config.apiUrl(), config.requestTimeout());
        McpServerFactory factory = new McpServerFactory(http, ctx -> Credentials.apiKey(apiKey), Clock.systemUTC(),
                config.version(), config.debug());
        var transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper());
        factory.configure(McpServer.sync(transport)).build();
    }

    static String usage() {
        return """
                Usage: java -jar sequentum-mcp.jar [--sandbox] [--help] [--version]

                Serves the Model Context Protocol over stdio for a Sequentum Control Center account.

                Environment:
                  SEQUENTUM_API_KEY   API key (required unless --sandbox)
                  SEQUENTUM_API_URL   API base URL (default https://dashboard.sequentum.com)
                  DEBUG               1 = debug logging on stderr (secrets redacted)""";
    }
}
