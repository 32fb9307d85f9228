package com.sequentum.mcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request rejected before its body was read (here: 401, no token) must leave the connection usable: clients keep
 * connections in a pool and send the next POST on the same socket.
 */
class HttpKeepAliveAfterRejectionTest {

    @Test
    void theNextRequestOnTheSameConnectionIsAnsweredAfterA401WhoseBodyArrivedLate() throws Exception {
        try (HttpHarness h = HttpHarness.start(Map.of())) {
            URI base = URI.create(h.base);
            String body = HttpHarness.initializeBody();
            String head = "POST /mcp HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200); // the server decides (401) before the body has arrived
                out.write(body.getBytes(StandardCharsets.UTF_8));
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.write(body.getBytes(StandardCharsets.UTF_8));
                out.flush();

                String both = readUntilTwoResponses(socket.getInputStream());
                assertThat(both.split("HTTP/1.1 401", -1)).as("two 401 answers on one connection:\n" + both).hasSize(3);
            }
        }
    }

    private static String readUntilTwoResponses(InputStream in) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        try {
            while ((n = in.read(buf)) != -1) {
                seen.write(buf, 0, n);
                String s = seen.toString(StandardCharsets.UTF_8);
                if (s.split("HTTP/1.1 401", -1).length >= 3 && s.trim().endsWith("}")) break;
            }
        } catch (java.net.SocketTimeoutException timeout) {
            // fall through: the assertion reports what arrived
        }
        return seen.toString(StandardCharsets.UTF_8);
    }
}
