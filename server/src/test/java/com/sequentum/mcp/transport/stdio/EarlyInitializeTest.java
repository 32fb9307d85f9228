package com.sequentum.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.Main;
import com.sequentum.mcp.McpServerFactory;
import com.sequentum.mcp.SandboxLauncher;
import com.sequentum.mcp.api.ApiHttp;
import com.sequentum.mcp.api.Credentials;
import com.sequentum.mcp.config.Version;
import com.sequentum.mcp.policy.Policies;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The early {@code initialize} answer is the SDK's answer, byte for byte: each first line below is run through the
 * whole stdio process twice, once answered early and once with the early answer switched off, and the two stdout
 * transcripts must be identical. Lines the early path does not accept must reach the normal path unchanged.
 */
class EarlyInitializeTest {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"ping\"}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final EarlyInitialize EARLY = new EarlyInitialize(McpServerFactory.SERVER_NAME, Version.get(),
            Policies.SUFFICIENCY_POLICY);

    private static String init(String id, String protocolVersion) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + protocolVersion + ",\"capabilities\":{},\"clientInfo\":{\"name\":\"junit\",\"version\":\"1\"}}}";
    }

    /** stdout of the whole stdio process for these stdin lines; early answer on or off. */
    private static String transcript(boolean early, String... lines) {
        Map<String, String> env = new HashMap<>(Map.of("SEQUENTUM_API_KEY", "sk-early-test-1",
                "SEQUENTUM_API_URL", "http://127.0.0.1:9"));
        if (!early) env.put(Main.EARLY_INITIALIZE_ENV, "false");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        int code = Main.run(env, new String[0], new ByteArrayInputStream(input), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), SandboxLauncher.unavailable());
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-11-05\"", "\"2025-03-26\"", "\"2025-06-18\"", "\"2025-11-25\"", "\"1999-01-01\"",
            "\"\"", "\"2025\\u002d06-18\""})
    void theEarlyAnswerIsTheSdksAnswerForEveryProtocolVersion(String version) {
        String first = init("1", version);
        byte[] early = EARLY.answer(bytes(first), bytes(first).length).orElseThrow();

        String withEarly = transcript(true, first, INITIALIZED, PING);

        assertThat(withEarly).isEqualTo(transcript(false, first, INITIALIZED, PING));
        assertThat(withEarly).startsWith(new String(early, StandardCharsets.UTF_8) + "\n");
        assertThat(withEarly.lines()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7", "123456789012345678", "\"abc-1\"", "\"\"", "\"with space\""})
    void theEarlyAnswerEchoesTheIdAsTheSdkDoes(String id) {
        String first = init(id, "\"2025-06-18\"");
        assertThat(EARLY.answer(bytes(first), bytes(first).length)).isPresent();

        assertThat(transcript(true, first, INITIALIZED, PING)).isEqualTo(transcript(false, first, INITIALIZED, PING));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // unusual but valid shapes the early path accepts
        "{\"params\":{\"clientInfo\":{\"name\":\"Ünïcødé ✓\",\"version\":\"2\",\"title\":\"t\"},\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{},\"elicitation\":{},"
                + "\"experimental\":{\"x\":{}}},\"_meta\":{\"k\":1},\"extra\":[1,2,{\"a\":null}]},\"method\":\"initialize\","
                + "\"id\":\"z\",\"jsonrpc\":\"2.0\"}",
        "  {\"jsonrpc\" : \"2.0\" ,\t\"id\" : 5 , \"method\" : \"initialize\" , \"params\" : {\"protocolVersion\" : "
                + "\"2025-03-26\"}}  ",
    })
    void unusualButValidRequestsAreAnsweredEarlyAndIdentically(String first) {
        assertThat(EARLY.answer(bytes(first), bytes(first).length)).isPresent();

        assertThat(transcript(true, first, INITIALIZED, PING)).isEqualTo(transcript(false, first, INITIALIZED, PING));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{oops",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}]",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":-0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1e3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1234567890123456789012,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"é\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":null}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":[]}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":20250618}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":5}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":true}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"clientInfo\":\"x\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"clientInfo\":{\"name\":{}}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}} x",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initi\\u0061lize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
        "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
        "   ",
    })
    void everyOtherFirstLineTakesTheNormalPathUnchanged(String first) {
        assertThat(EARLY.answer(bytes(first), bytes(first).length)).isEmpty();
        // (The SDK holds other requests until the session is initialized, hence a second, plain initialize.)
        String[] lines = {first, init("2", "\"2025-06-18\""), INITIALIZED, PING};

        String withEarly = transcript(true, lines);

        assertThat(withEarly).isEqualTo(transcript(false, lines));
        assertThat(withEarly).contains("{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}");
    }

    @Test
    void aFirstLineThatNeverEndsIsServedByTheNormalPath() {
        // No line break at all: end of input comes first, and the line is still served (as the last line).
        String first = init("3", "\"2025-06-18\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(Map.of("SEQUENTUM_API_KEY", "sk-early-test-1", "SEQUENTUM_API_URL", "http://127.0.0.1:9"), new String[0],
                new ByteArrayInputStream(bytes(first)), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), SandboxLauncher.unavailable());

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":");
    }

    @Test
    void theProtocolVersionsAreTheSdkTransports() {
        assertThat(EarlyInitialize.PROTOCOL_VERSIONS)
                .isEqualTo(new StdioServerTransportProvider(McpJsonDefaults.getMapper()).protocolVersions());
    }

    @Test
    void theCapabilitiesAreTheFactorysAsTheSdkWritesThem() throws Exception {
        McpServerFactory factory = new McpServerFactory(ApiHttp.create("http://127.0.0.1:9", Duration.ofSeconds(1)),
                c -> Credentials.apiKey("k"), Clock.systemUTC(), "1", false);

        assertThat(McpJsonDefaults.getMapper().writeValueAsString(factory.capabilities()))
                .isEqualTo(EarlyInitialize.CAPABILITIES);
    }

    @Test
    void jsonStringsAreEscapedAsJacksonEscapesThem() throws Exception {
        String nasty = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f é ✓ \uD83D\uDE00";
        StringBuilder sb = new StringBuilder();
        EarlyInitialize.quote(sb, nasty);

        assertThat(sb.toString()).isEqualTo(McpJsonDefaults.getMapper().writeValueAsString(nasty));
    }

    /**
     * The SDK's own answer to an early-answered line is dropped and later lines are served as usual; here the "early
     * answer" is deliberately different, which shows that what the client gets is the early answer, exactly once.
     */
    @Test
    void theTransportDropsTheSdksDuplicateAnswerAndServesTheRest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RobustStdioTransport stdio = new RobustStdioTransport(McpJsonDefaults.getMapper(), new ByteArrayInputStream(new byte[0]), out);
        McpServerFactory factory = new McpServerFactory(ApiHttp.create("http://127.0.0.1:9", Duration.ofSeconds(1)),
                c -> Credentials.apiKey("k"), Clock.systemUTC(), "1", false);
        var server = factory.configure(McpServer.sync(stdio.provider())).immediateExecution(false).build();
        String first = init("\"i-1\"", "\"2025-06-18\"");
        String sent = "{\"jsonrpc\":\"2.0\",\"id\":\"i-1\",\"result\":{\"marker\":true}}";
        String writtenEarly = sent + "\n"; // what Main writes before serving

        int unanswered = stdio.serve(new ByteArrayInputStream(bytes(INITIALIZED + "\n" + PING + "\n")), bytes(first),
                bytes(sent));
        server.closeGracefully();

        assertThat(unanswered).isZero();
        List<String> lines = (writtenEarly + out.toString(StandardCharsets.UTF_8)).lines().toList();
        assertThat(lines).containsExactly(sent, "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}");
    }

}
