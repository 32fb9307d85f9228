package com.sequentum.mcp.transport.http;

import jakarta.servlet.http.HttpServletRequest;

final class McpPaths {
    static final String MCP = "/mcp";
    static final String PRM = "/.well-known/oauth-protected-resource";
    static final String PRM_MCP = PRM + MCP;
    static final String AS_METADATA = "/.well-known/oauth-authorization-server";

    private McpPaths() {}

    static boolean isMcp(HttpServletRequest req) {
        String uri = req.getRequestURI();
        return uri != null && (uri.equals(MCP) || uri.startsWith(MCP + "/"));
    }
}
