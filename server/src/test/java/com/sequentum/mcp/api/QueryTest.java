package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two query encoders: URLSearchParams-style form encoding and encodeURIComponent. */
class QueryTest {

    @Test
    void noParameterMeansNoQuestionMark() {
        assertThat(Query.form().toString()).isEmpty();
        assertThat(Query.form().add("a", null).addNonEmpty("b", "").addNonEmpty("c", null).toString()).isEmpty();
    }

    @Test
    void parametersKeepCallOrderAndSkipAbsentValues() {
        assertThat(Query.form().add("status", 1).add("spaceId", null).addNonEmpty("name", "bot").add("sortOrder", 0)
                .add("flag", false).toString()).isEqualTo("?status=1&name=bot&sortOrder=0&flag=false");
    }

    @Test
    void numbersPrintWithoutAFraction() {
        assertThat(Query.form().add("agentId", 42L).add("pageIndex", 3).toString()).isEqualTo("?agentId=42&pageIndex=3");
    }

    @Test
    void formEncodingMatchesUrlSearchParams() {
        assertThat(Query.encodeForm("test agent")).isEqualTo("test+agent");
        assertThat(Query.encodeForm("2024-01-01T00:00:00Z")).isEqualTo("2024-01-01T00%3A00%3A00Z");
        assertThat(Query.encodeForm("Server Time,Export GB")).isEqualTo("Server+Time%2CExport+GB");
        assertThat(Query.encodeForm("a&b=c")).isEqualTo("a%26b%3Dc");
        assertThat(Query.encodeForm("*-._azAZ09")).isEqualTo("*-._azAZ09");
        assertThat(Query.encodeForm("~!'()+/")).isEqualTo("%7E%21%27%28%29%2B%2F");
        assertThat(Query.encodeForm("café")).isEqualTo("caf%C3%A9");
        assertThat(Query.encodeForm("+05:30")).isEqualTo("%2B05%3A30");
    }

    @Test
    void encodeUriComponentKeepsItsUnreservedSet() {
        assertThat(Query.encodeComponent("Bot Blocking")).isEqualTo("Bot%20Blocking");
        assertThat(Query.encodeComponent("Test & Demo")).isEqualTo("Test%20%26%20Demo");
        assertThat(Query.encodeComponent("-_.!~*'()azAZ09")).isEqualTo("-_.!~*'()azAZ09");
        assertThat(Query.encodeComponent("a/b?c=d#e+f,g:h")).isEqualTo("a%2Fb%3Fc%3Dd%23e%2Bf%2Cg%3Ah");
        assertThat(Query.encodeComponent("café ü")).isEqualTo("caf%C3%A9%20%C3%BC");
        assertThat(Query.encodeComponent("😀")).isEqualTo("%F0%9F%98%80");
        assertThat(Query.encodeComponent("")).isEmpty();
    }
}
