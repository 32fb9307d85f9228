package com.sequentum.mcp.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The result budget counts UTF-8 bytes without encoding the text. */
class Utf8LengthTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "café", "naïve – “quotes” — €", "日本語テキスト", "emoji 😀 and 🇩🇪 flags",
        "mixed é😀日a\u0080\u07ff\u0800\uffff"})
    void countsWhatTheEncoderWrites(String s) {
        assertThat(RecordTruncation.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aLoneLowSurrogateCountsNothingAndALoneHighOneThree() {
        assertThat(RecordTruncation.utf8Length("a\uDC00b")).isEqualTo(2);
        assertThat(RecordTruncation.utf8Length("a\uD800b")).isEqualTo(5);
    }

    @Test
    void fitsAnswersAtTheBoundary() {
        String euros = "€".repeat(10); // 30 bytes
        assertThat(RecordTruncation.fitsUtf8(euros, 30)).isTrue();
        assertThat(RecordTruncation.fitsUtf8(euros, 29)).isFalse();
        assertThat(RecordTruncation.fitsUtf8("abc", 3)).isTrue();
        assertThat(RecordTruncation.fitsUtf8("abcd", 3)).isFalse();
    }
}
