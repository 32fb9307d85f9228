package com.sequentum.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.Map;

/**
 * The SDK schema validator for our servers, minus the start-up cost. {@code build()} asks the validator to check every
 * tool's schema ({@link #validateSchema}); ours are fixed at build time and checked with the SDK's own validator by
 * {@code CheckedSchemasTest}, so that call answers "valid" at once. Validation of structured tool output
 * ({@link #validate}) is delegated unchanged to the SDK's {@link DefaultJsonSchemaValidator}, created on first use.
 * Measured with {@code -Xlog:class+load}: the eager check loaded ~290 networknt classes and took ~100 ms of stdio
 * start-up before the {@code initialize} answer.
 */
public final class CheckedSchemas implements JsonSchemaValidator {
    public static final CheckedSchemas INSTANCE = new CheckedSchemas();

    private volatile JsonSchemaValidator sdk;

    private CheckedSchemas() {}

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return sdk().validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }

    private JsonSchemaValidator sdk() {
        JsonSchemaValidator v = sdk;
        if (v == null) {
            synchronized (this) {
                if (sdk == null) sdk = new DefaultJsonSchemaValidator();
                v = sdk;
            }
        }
        return v;
    }
}
