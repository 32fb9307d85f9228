package com.sequentum.mcp.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JsJson renders exactly what JSON.stringify(value, null, 2) renders in JavaScript. */
class JsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String pretty(String json) throws Exception {
        return JsJson.pretty(JSON.readTree(json));
    }

    @Test
    void indentsTwoSpacesWithOneSpaceAfterTheColon() throws Exception {
        assertThat(pretty("{\"a\":[1,{\"b\":null}],\"c\":{},\"d\":[]}"))
                .isEqualTo("{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}");
    }

    @Test
    void putsArrayIndexKeysFirstInNumericOrderLikeJavaScript() throws Exception {
        assertThat(pretty("{\"b\":1,\"10\":2,\"2\":3,\"02\":4}"))
                .isEqualTo("{\n  \"2\": 3,\n  \"10\": 2,\n  \"b\": 1,\n  \"02\": 4\n}");
    }

    @Test
    void escapesControlCharactersWithLowerCaseHexAndKeepsSlashAndUnicodeRaw() throws Exception {
        assertThat(pretty("\"a\\u0001\\n\\t\\\"/é\"")).isEqualTo("\"a\\u0001\\n\\t\\\"/é\"");
    }

    @ParameterizedTest
    @CsvSource({"1.0,1", "1.5,1.5", "0.1,0.1", "1e-7,1e-7", "1.5e21,1.5e+21", "-2.5e-7,-2.5e-7", "123456789012,123456789012",
            "9007199254740993,9007199254740992", "0.000001,0.000001", "100,100"})
    void printsNumbersLikeJavaScript(String json, String expected) throws Exception {
        assertThat(pretty(json)).isEqualTo(expected);
    }
}
