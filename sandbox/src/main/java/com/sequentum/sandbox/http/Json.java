package com.sequentum.sandbox.http;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/** Shared Jackson mapper: public fields only, Instants as ISO-8601 strings. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private Json() {}

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    public static ArrayNode array() { return MAPPER.createArrayNode(); }

    public static JsonNode tree(Object value) { return MAPPER.valueToTree(value); }

    /** Parses a request body; malformed JSON becomes a 400. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) return MAPPER.createObjectNode();
        try {
            JsonNode n = MAPPER.readTree(body);
            return n == null ? MAPPER.createObjectNode() : n;
        } catch (Exception e) {
            throw ApiException.badRequest("The request body is not valid JSON.");
        }
    }
}
