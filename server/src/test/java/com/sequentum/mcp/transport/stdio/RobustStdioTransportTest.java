package com.sequentum.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.Main;
import com.sequentum.mcp.McpServerFactory;
import com.sequentum.mcp.SandboxLauncher;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.testing.ApiStub;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stdio process in-process: stdin lines in, stdout lines out, end of input = end of the session. Every test also
 * checks that stdout holds nothing but whole JSON-RPC lines.
 */
class RobustStdioTransportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"junit\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String LIST_AGENTS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"list_agents\",\"arguments\":{}}}";

    private final ApiStub api = ApiStub.start();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private int exitCode;

    @AfterEach
    void close() { api.close(); }

    private Map<String, String> env() {
        return Map.of("SEQUENTUM_API_KEY", ApiStub.API_KEY, "SEQUENTUM_API_URL", api.baseUrl());
    }

    private List<JsonNode> session(Map<String, String> env, SandboxLauncher launcher, String[] args, String... lines) {
        String input = String.join("\n", lines) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exitCode = Main.run(env, args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8), launcher);
        return parseLines(out.toString(StandardCharsets.UTF_8));
    }

    private List<JsonNode> session(String... lines) {
        return session(env(), SandboxLauncher.unavailable(), new String[0], lines);
    }

    private static List<JsonNode> parseLines(String stdout) {
        List<JsonNode> out = new ArrayList<>();
        if (stdout.isEmpty()) return out;
        assertThat(stdout).endsWith("\n");
        for (String line : stdout.split("\n", -1)) {
            if (line.isEmpty()) continue;
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node.get("jsonrpc").asText()).isEqualTo("2.0");
                out.add(node);
            } catch (Exception e) {
                throw new AssertionError("stdout line is not JSON-RPC: " + line, e);
            }
        }
        return out;
    }

    private static JsonNode byId(List<JsonNode> messages, Object id) {
        String key = JSON.valueToTree(id).toString();
        return messages.stream().filter(m -> m.has("id") && m.get("id").toString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer with id " + key + " in " + messages));
    }

    private static JsonNode error(int code, String message, Object id) {
        var node = JSON.createObjectNode().put("jsonrpc", "2.0");
        node.set("id", JSON.valueToTree(id));
        node.set("error", JSON.createObjectNode().put("code", code).put("message", message));
        return node;
    }

    @Test
    void aMalformedLineGetsAParseErrorAndTheServerKeepsServing() throws Exception {
        List<JsonNode> out = session(INIT, INITIALIZED, "{oops", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");

        assertThat(exitCode).isZero();
        assertThat(out).hasSize(3);
        JsonNode parseError = out.stream().filter(m -> m.has("error")).findFirst().orElseThrow();
        assertThat(parseError.get("id").isNull()).isTrue();
        assertThat(parseError.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(parseError.at("/error/message").asText()).startsWith("Parse error: ").contains("(at column");
        assertThat(byId(out, 1).at("/result/serverInfo/name").asText()).isEqualTo("sequentum-mcp-server");
        assertThat(byId(out, 2).get("result")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void jsonThatIsNotAJsonRpcMessageGetsInvalidRequestWithItsIdWhenThereIsOne() throws Exception {
        List<JsonNode> out = session(INIT, INITIALIZED,
                "[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}]",
                "\"just a string\"",
                "{\"id\":5,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":6}",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"m\",\"method\":42}",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\",\"params\":[1]}",
                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\"}");

        List<JsonNode> errors = out.stream().filter(m -> m.has("error")).toList();
        assertThat(errors).containsExactly(
                error(-32600, "Invalid Request: JSON-RPC batches (arrays) are not supported; send one message per line", null),
                error(-32600, "Invalid Request: expected a JSON-RPC message object", null),
                error(-32600, "Invalid Request: \"jsonrpc\" must be \"2.0\"", 5),
                error(-32600, "Invalid Request: a message needs a \"method\" (request or notification) or an \"id\" "
                        + "with \"result\"/\"error\" (response)", 6),
                error(-32600, "Invalid Request: \"id\" must be a string or an integer (at most 64 bits)", null),
                error(-32600, "Invalid Request: \"method\" must be a non-empty string", "m"),
                error(-32602, "Invalid params: \"params\" must be an object", 8));
        assertThat(byId(out, 10).get("result")).isEqualTo(JSON.readTree("{}"));
        assertThat(out).hasSize(9);
    }

    /** Both once made the SDK stop answering for good (found by EarlyInitializeTest's differential runs). */
    @Test
    void aByteOrderMarkIsIgnoredAndAnIdBeyond64BitsIsRefusedInsteadOfNeverAnswered() throws Exception {
        List<JsonNode> out = session("\uFEFF" + INIT, INITIALIZED,
                "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890123,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"method\":\"ping\"}",
                "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");

        assertThat(byId(out, 1).at("/result/serverInfo/name").asText()).isEqualTo("sequentum-mcp-server");
        assertThat(out).contains(error(-32600, "Invalid Request: \"id\" must be a string or an integer (at most 64 bits)",
                null));
        assertThat(byId(out, Long.MAX_VALUE).get("result")).isEqualTo(JSON.readTree("{}"));
        assertThat(byId(out, 2).get("result")).isEqualTo(JSON.readTree("{}"));
        assertThat(out).hasSize(4);
    }

    @Test
    void anInitializeTheSdkCouldNotReadIsInvalidParamsWithItsIdAndAGoodOneStillWorks() throws Exception {
        List<JsonNode> out = session(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"clientInfo\":{\"name\":{}}}}",
                INIT.replace("\"id\":1", "\"id\":3"), INITIALIZED, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}");

        assertThat(byId(out, 1)).isEqualTo(error(-32602,
                "Invalid params: initialize needs \"params\" with \"protocolVersion\", \"capabilities\" and \"clientInfo\"", 1));
        assertThat(byId(out, 2)).isEqualTo(error(-32602, "Invalid params: \"clientInfo.name\" must be a string", 2));
        assertThat(byId(out, 3).at("/result/serverInfo/name").asText()).isEqualTo("sequentum-mcp-server");
        assertThat(byId(out, 4).get("result")).isEqualTo(JSON.readTree("{}"));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void blankLinesAndCrLfLineEndsAreTolerated() throws Exception {
        List<JsonNode> out = session(INIT + "\r", INITIALIZED + "\r", "", "   ", "{\"jsonrpc\":\"2.0\",\r\"id\":2,\"method\":\"ping\"}\r");

        assertThat(out).hasSize(2);
        assertThat(byId(out, 2).get("result")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void anOverLongLineIsRefusedWithoutStoppingTheServer() throws Exception {
        ApiHttp http = ApiHttp.create(api.baseUrl(), Duration.ofSeconds(5));
        McpServerFactory factory = new McpServerFactory(http, c -> Credentials.apiKey(ApiStub.API_KEY), Clock.systemUTC(),
                "9.9.9", false);
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
        String input = String.join("\n", INIT, INITIALIZED, huge, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RobustStdioTransport stdio = new RobustStdioTransport(McpJsonDefaults.getMapper(),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, 1024, Duration.ofSeconds(10));
        var server = factory.configure(McpServer.sync(stdio.provider())).immediateExecution(false).build();

        int unanswered = stdio.serve();
        server.closeGracefully();

        assertThat(unanswered).isZero();
        List<JsonNode> messages = parseLines(out.toString(StandardCharsets.UTF_8));
        assertThat(messages).hasSize(3).contains(error(-32600, "Invalid Request: message longer than 1024 bytes", null));
        assertThat(byId(messages, 1).at("/result/serverInfo/version").asText()).isEqualTo("9.9.9");
        assertThat(byId(messages, 4).get("result")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void theResponseIsNotLostWhenStdinClosesRightAfterARequest() throws Exception {
        api.respond(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .headersDelay(700, TimeUnit.MILLISECONDS)
                .body("{\"agents\":[{\"id\":5,\"name\":\"Shop\",\"status\":7}],\"totalRecordCount\":1}").build());

        List<JsonNode> out = session(INIT, INITIALIZED, LIST_AGENTS);

        JsonNode result = byId(out, 2).get("result");
        assertThat(result.has("isError") && result.get("isError").asBoolean()).isFalse();
        assertThat(JSON.readTree(result.at("/content/0/text").asText())).isEqualTo(JSON.readTree(
                "{\"agents\":[{\"id\":5,\"name\":\"Shop\",\"status\":\"Failed\"}],"
                        + "\"pagination\":{\"totalRecordCount\":1,\"pageIndex\":1,\"recordsPerPage\":50}}"));
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(ApiStub.target(req)).isEqualTo("/api/v1/agent/all?pageIndex=1&recordsPerPage=50");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("ApiKey sk-test-key-123");
    }

    @Test
    void aSlowToolCallDoesNotHoldBackOtherRequests() throws Exception {
        api.respond(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .headersDelay(800, TimeUnit.MILLISECONDS).body("[]").build());

        List<JsonNode> out = session(INIT, INITIALIZED, LIST_AGENTS, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");

        List<String> order = out.stream().map(m -> m.get("id").asText()).toList();
        assertThat(order).containsExactly("1", "3", "2");
    }

    @Test
    void startsWithTheDocumentedStderrLinesAndNeverShowsTheKey() {
        List<JsonNode> out = session(INIT);

        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(err).contains("Authentication: API Key\nSequentum MCP Server running on stdio\nConnected to: "
                + api.baseUrl() + "\n");
        assertThat(err).doesNotContain(ApiStub.API_KEY);
        assertThat(out.toString()).doesNotContain(ApiStub.API_KEY);
    }

    @Test
    void sandboxModeUsesTheLaunchedSandboxUrlAndKey() {
        api.json("[]");
        SandboxLauncher fake = seed -> new SandboxLauncher.Running(api.baseUrl(), "sk-sandbox-key-1", () -> {});

        List<JsonNode> out = session(Map.of(), fake, new String[] {"--sandbox", "--sandbox-seed", "3"}, INIT, INITIALIZED,
                LIST_AGENTS);

        assertThat(exitCode).isZero();
        assertThat(byId(out, 2).at("/result/content/0/text").asText()).isEqualTo("[]");
        assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("ApiKey sk-sandbox-key-1");
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("Sandbox: emulated Sequentum API at " + api.baseUrl() + " (seed 3)\n");
    }

    @Test
    void sandboxModeInABuildWithoutTheSandboxFailsHonestly() {
        List<JsonNode> out = session(Map.of(), SandboxLauncher.unavailable(), new String[] {"--sandbox"}, INIT);

        assertThat(exitCode).isEqualTo(1);
        assertThat(out).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .startsWith("Error: --sandbox is not available in this build");
    }

    @Test
    void missingKeyExitsWithCode1AndOneLineOnStderrAndNothingOnStdout() {
        List<JsonNode> out = session(Map.of(), SandboxLauncher.unavailable(), new String[0], INIT);

        assertThat(exitCode).isEqualTo(1);
        assertThat(out).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("Error: API Key required for stdio mode")
                .hasLineCount(1);
    }
}
