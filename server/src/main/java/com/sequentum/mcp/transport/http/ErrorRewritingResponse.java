package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keeps every error response JSON-RPC shaped. {@code sendError} (used by the servlet container and the SDK) is
 * answered with a JSON-RPC envelope instead of an HTML page, and an error body the SDK writes itself (a Jackson dump
 * of a Java exception, with stack frames) is captured and replaced by {@link #finish()}. Successful responses
 * (including SSE streams) pass straight through.
 */
final class ErrorRewritingResponse extends HttpServletResponseWrapper {
    /** Messages of the SDK that are safe to pass on: short, one line, no class names. */
    private static final Pattern SAFE_MESSAGE = Pattern.compile("[A-Za-z0-9 ,.:;'()/_-]{1,160}");

    private int status = 200;
    private ByteArrayOutputStream captured;
    private PrintWriter capturedWriter;
    private boolean done;

    ErrorRewritingResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (isCommitted()) return;
        status = sc;
        done = true;
        String message = msg != null && isSafe(msg) ? msg : JsonRpcErrors.defaultMessage(sc);
        if (sc == 405 && getHeader("Allow") == null) setHeader("Allow", "GET, POST, DELETE, OPTIONS");
        JsonRpcErrors.write((HttpServletResponse) getResponse(), sc, JsonRpcErrors.defaultCode(sc), message);
    }

    private boolean capturing() {
        return status >= 400 && !done;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (capturing()) {
            if (capturedWriter == null) {
                if (captured == null) captured = new ByteArrayOutputStream();
                capturedWriter = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
            }
            return capturedWriter;
        }
        return super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (capturing()) {
            if (captured == null) captured = new ByteArrayOutputStream();
            ByteArrayOutputStream sink = captured;
            return new ServletOutputStream() {
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener l) { }
                @Override public void write(int b) { sink.write(b); }
                @Override public void write(byte[] b, int off, int len) { sink.write(b, off, len); }
            };
        }
        return super.getOutputStream();
    }

    @Override
    public void setContentLength(int len) {
        if (!capturing()) super.setContentLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!capturing()) super.setContentLengthLong(len);
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!capturing()) super.flushBuffer();
    }

    /** Our own filters write proper JSON-RPC errors: let them through untouched. */
    void passThrough() {
        done = true;
    }

    int status() {
        return status;
    }

    /** Writes the JSON-RPC replacement for a captured error body; call once the chain has returned. */
    void finish() throws IOException {
        if (captured == null || done || isCommitted()) return;
        if (capturedWriter != null) capturedWriter.flush();
        done = true;
        String message = null;
        try {
            JsonNode dump = JsonRpcErrors.JSON.readTree(captured.toByteArray());
            JsonNode m = dump == null ? null : dump.path("message");
            if (m != null && m.isTextual() && isSafe(m.asText())) message = m.asText();
        } catch (IOException ignored) {
            // not JSON: fall back to the generic message
        }
        if (status == 404) message = "Session not found";
        HttpServletResponse r = (HttpServletResponse) getResponse();
        r.resetBuffer();
        JsonRpcErrors.write(r, status, JsonRpcErrors.defaultCode(status),
                message != null ? message : JsonRpcErrors.defaultMessage(status));
    }

    private static boolean isSafe(String message) {
        return SAFE_MESSAGE.matcher(message).matches() && !message.contains("Exception") && !message.contains("java.")
                && !message.contains("io.modelcontextprotocol");
    }
}
