package com.sequentum.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineWriterTest {
    /** Writes one byte at a time, so any missing lock would interleave the lines. */
    private static final class SlowSink extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            synchronized (bytes) { bytes.write(b); }
            Thread.yield();
        }
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        SlowSink sink = new SlowSink();
        LineWriter writer = new LineWriter(sink);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String line = ("{\"writer\":" + t + ",\"pad\":\"" + "x".repeat(200) + "\"}");
            Thread th = new Thread(() -> {
                for (int i = 0; i < 25; i++) writer.writeLine(line.getBytes(StandardCharsets.UTF_8));
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) th.join();

        List<String> lines = sink.bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(100);
        assertThat(lines).allMatch(l -> l.matches("\\{\"writer\":[0-3],\"pad\":\"x{200}\"}"));
    }

    @Test
    void theSdkOutputIsSplitIntoWholeLines() {
        List<String> seen = new ArrayList<>();
        LineSplittingOutputStream out = new LineSplittingOutputStream(b -> seen.add(new String(b, StandardCharsets.UTF_8)));
        out.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8), 0, 7);
        out.write('\n');
        out.write("{\"b\":2}\n{\"c\"".getBytes(StandardCharsets.UTF_8), 0, 12);
        out.write(":3}\n".getBytes(StandardCharsets.UTF_8), 0, 4);

        assertThat(seen).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    }
}
