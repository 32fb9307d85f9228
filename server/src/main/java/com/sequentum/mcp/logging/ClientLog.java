package com.sequentum.mcp.logging;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code notifications/message} to the MCP client of one exchange. The SDK drops messages below the
 * level the client chose with {@code logging/setLevel} (default info). Callers pass texts without secrets
 * (ids and URIs only, never keys, tokens or headers). Logging never fails the request it belongs to.
 */
public final class ClientLog {
    public static final String LOGGER = "sequentum-mcp";
    private static final Logger LOG = LoggerFactory.getLogger(ClientLog.class);

    private ClientLog() {}

    public static void debug(McpSyncServerExchange exchange, String message) { send(exchange, LoggingLevel.DEBUG, message); }
    public static void info(McpSyncServerExchange exchange, String message) { send(exchange, LoggingLevel.INFO, message); }
    public static void warning(McpSyncServerExchange exchange, String message) { send(exchange, LoggingLevel.WARNING, message); }

    public static void send(McpSyncServerExchange exchange, LoggingLevel level, String message) {
        if (exchange == null) return;
        try {
            exchange.loggingNotification(LoggingMessageNotification.builder(level, message).logger(LOGGER).build());
        } catch (RuntimeException e) {
            LOG.debug("could not send a log notification to the client: {}", e.toString());
        }
    }
}
