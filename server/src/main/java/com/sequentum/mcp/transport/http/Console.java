package com.sequentum.mcp.transport.http;

import org.slf4j.helpers.MessageFormatter;

/**
 * Operator lines of HTTP mode that must appear whatever the logger level is (listen address, shutdown progress,
 * session cleanup, and the DEBUG request log when DEBUG is on). Always stderr; never secrets.
 */
final class Console {
    private Console() {}

    static void line(String format, Object... args) {
        System.err.println(MessageFormatter.arrayFormat(format, args).getMessage());
    }
}
