package com.sequentum.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.mcp.policy.ControlSettings;
import com.sequentum.mcp.tools.ToolSelection;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-session tool selection in HTTP mode. The headers {@code X-MCP-Toolsets}, {@code X-MCP-Tools} and
 * {@code X-MCP-Readonly} are read once, at {@code initialize}, and narrow the operator's selection for that session.
 * Every distinct selection gets its own MCP server (tools, descriptions, prompts and instructions rendered for it),
 * so a session sees — and can call — only its tools: hidden tools are unknown to its server. Later requests are routed
 * by session id, so their headers change nothing. Unknown names fail the initialize request with a JSON-RPC error
 * listing the valid names.
 */
final class SelectionRouter extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(SelectionRouter.class);
    static final String TOOLSETS = "X-MCP-Toolsets";
    static final String TOOLS = "X-MCP-Tools";
    static final String READONLY = "X-MCP-Readonly";
    /** Distinct header selections served at once; beyond this, initialize with a new combination is refused. */
    static final int MAX_SELECTIONS = 64;

    record Backend(ToolSelection selection, HttpServletStreamableServerTransportProvider transport, McpSyncServer server,
            SdkSessionCloser closer) {}

    private final Backend base;
    private final Function<ToolSelection, Backend> build;
    private final Map<ToolSelection, Backend> bySelection = new ConcurrentHashMap<>();
    private final Map<String, Backend> bySession = new ConcurrentHashMap<>();

    SelectionRouter(Backend base, Function<ToolSelection, Backend> build) {
        this.base = base;
        this.build = build;
        bySelection.put(base.selection(), base);
    }

    Backend base() { return base; }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        String sid = req.getHeader(SessionFilter.HEADER);
        if (sid != null && !sid.isEmpty()) {
            Backend b = bySession.getOrDefault(sid, base);
            try {
                b.transport().service(req, res);
            } finally {
                if ("DELETE".equals(req.getMethod())) bySession.remove(sid);
            }
            return;
        }
        Backend b;
        try {
            b = backendFor(req);
        } catch (IllegalArgumentException | IllegalStateException e) {
            ObjectNode body = JsonRpcErrors.envelope(-32602, e.getMessage(), null);
            JsonNode message = (JsonNode) req.getAttribute(Attrs.MESSAGE);
            if (message != null && message.has("id")) body.set("id", message.get("id"));
            JsonRpcErrors.write(res, 400, body);
            return;
        }
        SessionFilter.SessionIdCapture capture = new SessionFilter.SessionIdCapture(res);
        b.transport().service(req, capture);
        if (capture.sessionId != null) bySession.put(capture.sessionId, b);
    }

    private Backend backendFor(HttpServletRequest req) {
        String toolsets = req.getHeader(TOOLSETS);
        String tools = req.getHeader(TOOLS);
        String readOnly = req.getHeader(READONLY);
        if (blank(toolsets) && blank(tools) && blank(readOnly)) return base;
        ToolSelection asked;
        try {
            asked = ToolSelection.parse(toolsets, tools, ControlSettings.flag(READONLY, readOnly));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid tool selection headers: " + e.getMessage());
        }
        ToolSelection effective = base.selection().narrow(asked);
        Backend existing = bySelection.get(effective);
        if (existing != null) return existing;
        synchronized (this) {
            existing = bySelection.get(effective);
            if (existing != null) return existing;
            if (bySelection.size() >= MAX_SELECTIONS) {
                throw new IllegalStateException("Too many different tool selections in use on this server; use one of "
                        + "the common combinations or none");
            }
            Backend created = build.apply(effective);
            bySelection.put(effective, created);
            return created;
        }
    }

    /** Closes one session in whichever server holds it. */
    int close(String sessionId) {
        Backend b = bySession.remove(sessionId);
        return (b == null ? base : b).closer().close(sessionId);
    }

    void closeAll() {
        List<Backend> all = new ArrayList<>(bySelection.values());
        for (Backend b : all) {
            try {
                b.server().closeGracefully();
            } catch (RuntimeException e) {
                LOG.warn("[MCP] Error while closing sessions: {}", e.toString());
            }
        }
        bySession.clear();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
