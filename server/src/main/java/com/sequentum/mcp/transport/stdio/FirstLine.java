package com.sequentum.mcp.transport.stdio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first line of stdin, read before the server is built ({@link EarlyInitialize}), and everything read with it.
 * Nothing read is ever lost: {@link #rest()} continues after the line, {@link #all()} replays the input from the
 * start for callers that do not use the line.
 */
public final class FirstLine {
    private final byte[] buffered;
    private final int length;
    /** Index of the first '\n' in {@code buffered}, or -1 (end of input or the size limit came first). */
    private final int newline;
    private final InputStream in;

    private FirstLine(byte[] buffered, int length, int newline, InputStream in) {
        this.buffered = buffered;
        this.length = length;
        this.newline = newline;
        this.in = in;
    }

    /**
     * Reads until the first line break, end of input, an I/O error or {@code limit} bytes, whichever comes first.
     * Never throws: a read error is left for the normal reader to meet again.
     */
    public static FirstLine read(InputStream in, int limit) {
        byte[] buf = new byte[Math.min(limit, 8192)];
        int len = 0;
        try {
            while (len < limit) {
                if (len == buf.length) buf = Arrays.copyOf(buf, Math.min(limit, buf.length * 2));
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) break;
                for (int i = len; i < len + n; i++) {
                    if (buf[i] == '\n') return new FirstLine(buf, len + n, i, in);
                }
                len += n;
            }
        } catch (IOException e) {
            // the normal reader will meet the same error on its next read
        }
        return new FirstLine(buf, len, -1, in);
    }

    /** The first line without its line break (and without a CR before it), if a whole line was read. */
    public Optional<byte[]> line() {
        if (newline < 0) return Optional.empty();
        int end = newline > 0 && buffered[newline - 1] == '\r' ? newline - 1 : newline;
        return Optional.of(Arrays.copyOf(buffered, end));
    }

    /** The input after the first line break. */
    public InputStream rest() {
        if (newline < 0) throw new IllegalStateException("no complete first line");
        return new SequenceInputStream(new ByteArrayInputStream(buffered, newline + 1, length - newline - 1), in);
    }

    /** The whole input, from its first byte. */
    public InputStream all() {
        return new SequenceInputStream(new ByteArrayInputStream(buffered, 0, length), in);
    }
}
