package com.sequentum.mcp.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InitializeParamsTest {
    private static String problem(String params) {
        String message = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"" + (params == null ? "" : ",\"params\":" + params)
                + "}";
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        return InitializeParams.problemIn(b, b.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"protocolVersion\":\"2025-06-18\"}",
        "{\"protocolVersion\":\"1999-01-01\",\"capabilities\":null,\"clientInfo\":null,\"_meta\":null}",
        "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{},"
                + "\"elicitation\":null,\"experimental\":{},\"unknown\":7},\"clientInfo\":{\"name\":\"c\",\"version\":null,"
                + "\"icons\":[],\"extra\":[1]},\"more\":true}",
    })
    void acceptsWhatTheSdkCanRead(String params) {
        assertThat(problem(params)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "null | Invalid params: initialize needs \"params\" with \"protocolVersion\", \"capabilities\" and \"clientInfo\"",
        "{} | Invalid params: \"protocolVersion\" must be a string, e.g. \"2025-06-18\"",
        "{\"protocolVersion\":20250618} | Invalid params: \"protocolVersion\" must be a string, e.g. \"2025-06-18\"",
        "{\"protocolVersion\":\"v\",\"capabilities\":[]} | Invalid params: \"capabilities\" must be an object",
        "{\"protocolVersion\":\"v\",\"capabilities\":{\"sampling\":true}} | Invalid params: \"capabilities.sampling\" must be an object",
        "{\"protocolVersion\":\"v\",\"clientInfo\":\"me\"} | Invalid params: \"clientInfo\" must be an object",
        "{\"protocolVersion\":\"v\",\"clientInfo\":{\"version\":2}} | Invalid params: \"clientInfo.version\" must be a string",
        "{\"protocolVersion\":\"v\",\"clientInfo\":{\"icons\":{}}} | Invalid params: \"clientInfo.icons\" must be an array",
        "{\"protocolVersion\":\"v\",\"_meta\":1} | Invalid params: \"_meta\" must be an object",
    })
    void namesWhatTheSdkCouldNotRead(String params, String expected) {
        assertThat(problem(params)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void absentParamsAreAProblemAndUnreadableJsonIsLeftToTheSdk() {
        assertThat(problem(null)).startsWith("Invalid params: initialize needs");
        byte[] dup = "{\"id\":1,\"id\":2,\"params\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(InitializeParams.problemIn(dup, dup.length)).isNull();
    }
}
