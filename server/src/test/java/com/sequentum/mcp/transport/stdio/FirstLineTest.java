package com.sequentum.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FirstLineTest {
    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Hands out its bytes a few at a time, as a pipe does. */
    private static InputStream trickle(String s, int chunk) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < b.length ? b[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] out, int off, int len) {
                if (pos >= b.length) return -1;
                int n = Math.min(Math.min(len, chunk), b.length - pos);
                System.arraycopy(b, pos, out, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void theLineEndsAtTheFirstBreakAndTheRestContinuesAfterIt() throws IOException {
        FirstLine first = FirstLine.read(trickle("{\"a\":1}\r\nsecond\nthird", 3), 1024);

        assertThat(new String(first.line().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(text(first.rest())).isEqualTo("second\nthird");
    }

    @Test
    void allReplaysEverythingFromTheFirstByte() throws IOException {
        FirstLine first = FirstLine.read(trickle("one\ntwo\n", 2), 1024);

        assertThat(text(first.all())).isEqualTo("one\ntwo\n");
    }

    @Test
    void endOfInputBeforeABreakGivesNoLineButKeepsTheBytes() throws IOException {
        FirstLine first = FirstLine.read(new ByteArrayInputStream("no break".getBytes(StandardCharsets.UTF_8)), 1024);

        assertThat(first.line()).isEmpty();
        assertThat(text(first.all())).isEqualTo("no break");
    }

    @Test
    void stopsAtTheLimitWithoutLosingAByte() throws IOException {
        String input = "x".repeat(100) + "\nafter\n";
        FirstLine first = FirstLine.read(trickle(input, 7), 40);

        assertThat(first.line()).isEmpty();
        assertThat(text(first.all())).isEqualTo(input);
    }
}
