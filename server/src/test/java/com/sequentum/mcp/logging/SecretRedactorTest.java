package com.sequentum.mcp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    private final SecretRedactor redactor = new SecretRedactor(List.of("sk-test-key-123"));

    @Test
    void masksTheKeyAnywhereAndCredentialsAfterBearerOrApiKey() {
        assertThat(redactor.redact("key sk-test-key-123 here")).isEqualTo("key [REDACTED] here");
        assertThat(redactor.redact("Authorization: Bearer eyJhbGciOi.J9x.y1z")).isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(redactor.redact("Authorization: ApiKey sk-other-key-999")).isEqualTo("Authorization: ApiKey [REDACTED]");
        assertThat(redactor.redact("{\"authorization\":\"bearer abcdefgh12\"}")).isEqualTo("{\"authorization\":\"bearer [REDACTED]\"}");
    }

    @Test
    void leavesOrdinaryProseAlone() {
        assertThat(redactor.redact("API key and bearer tokens are redacted")).isEqualTo("API key and bearer tokens are redacted");
        assertThat(redactor.redact("[DEBUG] Using API Key authentication")).isEqualTo("[DEBUG] Using API Key authentication");
    }

    @Test
    void theStreamRedactsAKeySplitAcrossWrites() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = redactor.wrap(sink);
        out.print("a sk-test-");
        out.flush();
        out.print("key-123 b\nnext");
        out.println(" line");

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("a [REDACTED] b\nnext line" + System.lineSeparator());
    }
}
