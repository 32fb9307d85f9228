package com.sequentum.mcp.transport.stdio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The only writer of stdout in stdio mode: every message is written as one whole line (bytes + {@code \n}) and
 * flushed under one lock, so the SDK's responses and our own error replies never interleave.
 */
final class LineWriter {
    private final OutputStream out;

    LineWriter(OutputStream out) {
        this.out = out;
    }

    synchronized void writeLine(byte[] line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
