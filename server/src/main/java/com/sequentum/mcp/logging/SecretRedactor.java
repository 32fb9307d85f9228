package com.sequentum.mcp.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence for stderr: every line written through {@link #wrap} has the configured secrets (the API
 * key) and any {@code Bearer}/{@code ApiKey} credential replaced by {@code [REDACTED]} before it is written.
 */
public final class SecretRedactor {
    public static final String MASK = "[REDACTED]";
    private static final Pattern AUTH = Pattern.compile("(?i)\\b(Bearer|ApiKey)(\\s+)(?=[A-Za-z._~+/=-]*[0-9])[A-Za-z0-9._~+/=-]{8,}");
    private final List<String> secrets;

    public SecretRedactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    public String redact(String line) {
        String out = line;
        for (String s : secrets) out = out.replace(s, MASK);
        return AUTH.matcher(out).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
    }

    /** A line-buffered stream that redacts each line before passing it to {@code target}. */
    public PrintStream wrap(OutputStream target) {
        return new PrintStream(new LineRedactingStream(target), true, StandardCharsets.UTF_8);
    }

    private final class LineRedactingStream extends OutputStream {
        private final OutputStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineRedactingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') emit();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                line.write(b[i]);
                if (b[i] == '\n') emit();
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            // Partial lines wait for their newline so a secret split across writes is still caught.
            target.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            if (line.size() > 0) emit();
            target.flush();
        }

        private void emit() throws IOException {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            target.write(redact(text).getBytes(StandardCharsets.UTF_8));
            target.flush();
        }
    }
}
