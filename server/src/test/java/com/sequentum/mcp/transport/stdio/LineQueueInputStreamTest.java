package com.sequentum.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SDK reads stdin from this stream: only the real end of stdin may end it. */
class LineQueueInputStreamTest {

    @Test
    void anInterruptedReaderKeepsWaitingForTheNextLineInsteadOfSeeingEndOfInput() throws Exception {
        LineQueueInputStream in = new LineQueueInputStream();
        CompletableFuture<Thread> readerThread = new CompletableFuture<>();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            readerThread.complete(Thread.currentThread());
            byte[] buf = new byte[64];
            int n = in.read(buf, 0, buf.length);
            return n < 0 ? "EOF" : new String(buf, 0, n, StandardCharsets.UTF_8);
        });
        Thread reader = readerThread.get(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        reader.interrupt();
        Thread.sleep(100);
        assertThat(read).isNotDone();

        in.offerLine("{\"jsonrpc\":\"2.0\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("{\"jsonrpc\":\"2.0\"}\n");
    }

    @Test
    void finishEndsTheStreamAfterTheQueuedLines() {
        LineQueueInputStream in = new LineQueueInputStream();
        in.offerLine("a".getBytes(StandardCharsets.UTF_8));
        in.finish();
        byte[] buf = new byte[8];
        assertThat(in.read(buf, 0, 8)).isEqualTo(2);
        assertThat(in.read(buf, 0, 8)).isEqualTo(-1);
        assertThat(in.read(buf, 0, 8)).isEqualTo(-1);
    }
}
