package com.sequentum.mcp.transport.stdio;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/** The SDK's stdout: collects bytes and hands each complete line (without its {@code \n}) to a consumer. */
final class LineSplittingOutputStream extends OutputStream {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Consumer<byte[]> lines;

    LineSplittingOutputStream(Consumer<byte[]> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            buffer.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                buffer.write(b, start, i - start);
                emit();
                start = i + 1;
            }
        }
        buffer.write(b, start, off + len - start);
    }

    private void emit() {
        byte[] line = buffer.toByteArray();
        buffer.reset();
        if (line.length > 0) lines.accept(line);
    }
}
