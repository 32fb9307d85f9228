package com.sequentum.mcp.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sequentum.mcp.tools.ToolCatalogue;
import com.sequentum.mcp.tools.ToolResult;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/** Validates structuredContent exactly as the SDK does before sending it (its networknt validator). */
final class Structured {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaValidator VALIDATOR = McpJsonDefaults.getSchemaValidator();

    private Structured() {}

    static Map<String, Object> map(Object node) {
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() {});
    }

    /** Asserts a success whose structured value validates against the tool's output schema. */
    static void assertValid(String tool, ToolResult r) {
        assertThat(r.isError()).as("%s failed: %s", tool, r.text()).isFalse();
        assertThat(r.structured()).as("%s has structured content", tool).isNotNull();
        var schema = map(ToolCatalogue.find(tool).orElseThrow().outputSchema());
        var res = VALIDATOR.validate(schema, map(r.structured()));
        assertThat(res.valid()).as("%s: %s\n%s", tool, res.errorMessage(), r.structured()).isTrue();
    }
}
