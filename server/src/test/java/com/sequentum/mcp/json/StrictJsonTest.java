package com.sequentum.mcp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {
    private static Object parse(String s) throws StrictJson.Refused {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return StrictJson.parse(b, b.length);
    }

    @Test
    void readsEveryKindOfValue() throws Exception {
        Object v = parse(" {\"s\":\"a\\u00e9\\n\",\"n\":-12.5e3,\"i\":7,\"t\":true,\"f\":false,\"z\":null,\"l\":[1,[]],\"o\":{}} ");

        assertThat(v).isInstanceOf(Map.class);
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat(m.get("s")).isEqualTo(new StrictJson.Str("aé\n", true));
        assertThat(m.get("n")).isEqualTo(new StrictJson.Num("-12.5e3", false));
        assertThat(m.get("i")).isEqualTo(new StrictJson.Num("7", true));
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("f")).isEqualTo(Boolean.FALSE);
        assertThat(m.get("z")).isSameAs(StrictJson.NULL);
        assertThat(m.get("l")).isEqualTo(List.of(new StrictJson.Num("1", true), List.of()));
        assertThat(m.get("o")).isEqualTo(Map.of());
        assertThat(parse("\"plain ✓\"")).isEqualTo(new StrictJson.Str("plain ✓", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "01", "1.", "-", "1e", "+1", "tru", "nul",
        "\"\\x\"", "\"\\u12\"", "\"unterminated", "{\"a\":1}{}", "{'a':1}", "{\"a\":1,\"a\":2}", "\"tab\there\""})
    void refusesAnythingThatIsNotStrictJson(String s) {
        assertThatThrownBy(() -> parse(s)).isInstanceOf(StrictJson.Refused.class);
    }

    @Test
    void refusesInvalidUtf8AndRunawayNesting() {
        byte[] bad = {'"', (byte) 0xC3, '"'};
        assertThatThrownBy(() -> StrictJson.parse(bad, bad.length)).isInstanceOf(StrictJson.Refused.class);
        assertThatThrownBy(() -> parse("[".repeat(100) + "]".repeat(100))).isInstanceOf(StrictJson.Refused.class);
    }
}
