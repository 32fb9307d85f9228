package com.sequentum.mcp.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sequentum.mcp.api.Query;
import com.sequentum.mcp.json.JsJson;
import com.sequentum.mcp.validation.Args;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The steps of one {@code get_agent}/{@code list_agents} tools/call that run in our code, in call order: argument
 * access ({@link Args}), request target building ({@link Query}), reading the API body (Jackson tree, as
 * {@code ApiHttp} does), shaping the result text ({@link JsJson}), and the SDK's serialisation of the result.
 * Sizes match the benchmark stub: one agent of 14 fields, a page of 20 agents.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
    static final String AGENT = "{\"id\":101,\"name\":\"Amazon Best Sellers - Electronics\",\"description\":\"Top 100 electronics by sales rank\","
            + "\"status\":1,\"configType\":\"Agent\",\"spaceId\":3,\"version\":7,\"created\":\"2025-11-02T08:15:00Z\","
            + "\"lastModified\":\"2026-03-10T17:42:11Z\",\"lastRunStatus\":\"Succeeded\",\"lastRunTime\":\"2026-03-15T06:00:04Z\","
            + "\"isScheduled\":true,\"userName\":\"ops@example.com\",\"startUrl\":\"https://www.example.com/bestsellers/electronics\","
            + "\"inputParameters\":\"{\\\"maxPages\\\":5}\"}";

    private final ObjectReader reader = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final McpJsonMapper sdk = McpJsonDefaults.getMapper();
    private byte[] agentBytes;
    private String agentText;
    private String listText;
    private JsonNode agent;
    private JsonNode list;
    private Map<String, Object> getAgentArgs;
    private CallToolResult result;

    @Setup
    public void setUp() throws IOException {
        agentText = AGENT;
        agentBytes = AGENT.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("{\"agents\":[");
        for (int i = 0; i < 20; i++) sb.append(i == 0 ? "" : ",").append(AGENT.replace("\"id\":101", "\"id\":" + (101 + i)));
        listText = sb.append("],\"totalRecordCount\":20}").toString();
        agent = reader.readTree(agentText);
        list = reader.readTree(listText);
        getAgentArgs = new HashMap<>(Map.of("agentId", 101));
        result = CallToolResult.builder().addTextContent(JsJson.pretty(list)).isError(false).build();
    }

    @Benchmark
    public long argsId() {
        return Args.of(getAgentArgs).id("agentId");
    }

    @Benchmark
    public String queryListAgents() {
        return "/api/v1/agent/all" + Query.form().add("status", null).add("spaceId", 3L).addNonEmpty("name", "amazon")
                .add("pageIndex", 1).add("recordsPerPage", 50);
    }

    @Benchmark
    public JsonNode parseAgentFromString() throws IOException {
        return reader.readTree(new String(agentBytes, StandardCharsets.UTF_8)); // what ApiHttp does today
    }

    @Benchmark
    public JsonNode parseAgentFromBytes() throws IOException {
        return reader.readTree(agentBytes);
    }

    @Benchmark
    public String prettyAgent() {
        return JsJson.pretty(agent);
    }

    @Benchmark
    public String prettyAgentList() {
        return JsJson.pretty(list);
    }

    @Benchmark
    public String sdkSerialiseListResult() throws IOException {
        return sdk.writeValueAsString(result);
    }
}
