package com.sequentum.mcp.transport.stdio;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The SDK's stdin: whole lines handed over by the reader thread, then end-of-stream once {@link #finish()} is
 * called. Unlike a {@code PipedInputStream} it does not care which threads write or read, and a thread interrupt
 * never reads as end of input.
 */
final class LineQueueInputStream extends InputStream {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** Queues one line; a {@code \n} is appended. */
    void offerLine(byte[] line) {
        byte[] withNewline = new byte[line.length + 1];
        System.arraycopy(line, 0, withNewline, 0, line.length);
        withNewline[line.length] = '\n';
        queue.add(withNewline);
    }

    /** After the queued lines, readers see end-of-stream. */
    void finish() {
        queue.add(END);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        while (pos >= current.length) {
            if (ended) return -1;
            try {
                byte[] next = queue.take();
                if (next == END) {
                    ended = true;
                    return -1;
                }
                current = next;
                pos = 0;
            } catch (InterruptedException e) {
                // Not an end of input: the SDK's read loop ends for good on -1, and an interrupt from elsewhere (a
                // cancelled Reactor task on a shared thread, say) must not silently stop the server from reading
                // stdin. Input ends only through finish(), when stdin itself has ended.
                continue;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return current.length - pos;
    }
}
