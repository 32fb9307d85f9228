package com.sequentum.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sequentum.mcp.tools.ToolCatalogue;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The servers skip the SDK's run-time schema check ({@link CheckedSchemas}); this is the check instead. */
class CheckedSchemasTest {
    private final JsonSchemaValidator sdkValidator = new DefaultJsonSchemaValidator();

    @Test
    void everyToolInputSchemaIsAValidJsonSchemaForTheSdkValidator() {
        List<Tool> tools = ToolCatalogue.all().stream().map(McpServerFactory::sdkTool).toList();
        assertThat(tools).hasSize(40);
        for (Tool t : tools) {
            ValidationResponse r = sdkValidator.validateSchema(t.inputSchema());
            assertThat(r.valid()).as(t.name() + ": " + r.errorMessage()).isTrue();
        }
    }

    @Test
    void theSdkValidatorWouldRejectABrokenSchemaSoTheCheckAboveCanFail() {
        ValidationResponse r = sdkValidator.validateSchema(Map.of("type", "object", "properties", Map.of("a", Map.of("type", 5))));
        assertThat(r.valid()).isFalse();
    }

    @Test
    void everyToolOutputSchemaIsAValidJsonSchemaForTheSdkValidator() {
        for (Tool t : ToolCatalogue.all().stream().map(McpServerFactory::sdkTool).toList()) {
            if (t.outputSchema() == null) continue;
            ValidationResponse r = sdkValidator.validateSchema(t.outputSchema());
            assertThat(r.valid()).as(t.name() + ": " + r.errorMessage()).isTrue();
        }
    }

    @Test
    void buildTimeSchemaCheckIsSkippedButStructuredOutputIsStillValidated() {
        assertThat(CheckedSchemas.INSTANCE.validateSchema(Map.of("type", 5)).valid()).isTrue();
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer")),
                "required", List.of("n"));
        assertThat(CheckedSchemas.INSTANCE.validate(schema, Map.of("n", 3)).valid()).isTrue();
        assertThat(CheckedSchemas.INSTANCE.validate(schema, Map.of("n", "three")).valid()).isFalse();
    }
}
