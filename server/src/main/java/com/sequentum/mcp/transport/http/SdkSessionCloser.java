package com.sequentum.mcp.transport.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes one SDK session exactly as a client's DELETE would (the SDK offers no public per-session close): a
 * synthetic DELETE request for that id is run through the transport servlet, which closes the session's streams
 * and drops it from the SDK's table.
 */
final class SdkSessionCloser {
    private final HttpServlet transport;

    SdkSessionCloser(HttpServlet transport) {
        this.transport = transport;
    }

    /** Returns the status the transport answered (200 when closed, 404 when it no longer knew the id). */
    int close(String sessionId) {
        AtomicInteger status = new AtomicInteger(200);
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> "DELETE";
                    case "getRequestURI" -> McpPaths.MCP;
                    case "getServletPath" -> McpPaths.MCP;
                    case "getContextPath" -> "";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getHeader" -> SessionFilter.HEADER.equalsIgnoreCase((String) a[0]) ? sessionId : null;
                    case "getHeaders" -> SessionFilter.HEADER.equalsIgnoreCase((String) a[0])
                            ? Collections.enumeration(java.util.List.of(sessionId)) : Collections.emptyEnumeration();
                    case "getHeaderNames", "getAttributeNames", "getParameterNames" -> Collections.enumeration(
                            m.getName().equals("getHeaderNames") ? java.util.List.of(SessionFilter.HEADER) : java.util.List.of());
                    case "getDateHeader" -> -1L;
                    case "getIntHeader" -> -1;
                    case "toString" -> "SyntheticDelete[" + sessionId + "]";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> defaultValue(m.getReturnType());
                });
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus", "sendError" -> status.set((Integer) a[0]);
                        case "getWriter" -> {
                            return new java.io.PrintWriter(java.io.Writer.nullWriter());
                        }
                        case "getOutputStream" -> {
                            return null;
                        }
                        case "getStatus" -> {
                            return status.get();
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(p);
                        }
                        case "equals" -> {
                            return p == a[0];
                        }
                        default -> { }
                    }
                    return defaultValue(m.getReturnType());
                });
        try {
            transport.service(req, res);
        } catch (Exception e) {
            return 500;
        }
        return status.get();
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) return null;
        if (type == boolean.class) return false;
        if (type == long.class) return 0L;
        if (type == int.class) return 0;
        if (type == void.class) return null;
        return 0;
    }
}
