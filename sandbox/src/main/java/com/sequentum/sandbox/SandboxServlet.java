package com.sequentum.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sequentum.sandbox.http.ApiException;
import com.sequentum.sandbox.http.Ctx;
import com.sequentum.sandbox.http.Json;
import com.sequentum.sandbox.http.Query;
import com.sequentum.sandbox.http.Reply;
import com.sequentum.sandbox.http.Responses;
import com.sequentum.sandbox.http.Router;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Single entry servlet: fault injection, authentication, routing and uniform JSON error handling. */
final class SandboxServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServlet.class);
    private static final String HTML = "<html><head><title>Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";

    private static final int MAX_BODY = 1 << 20;

    private final Router router;
    private final com.sequentum.sandbox.state.SandboxState state;
    private final FaultInjector faults;
    private final String apiKey;
    private final Supplier<TokenVerifier> verifier;
    private final Supplier<String> baseUrl;

    SandboxServlet(Router router, com.sequentum.sandbox.state.SandboxState state, FaultInjector faults, String apiKey, Supplier<TokenVerifier> verifier, Supplier<String> baseUrl) {
        this.router = router;
        this.state = state;
        this.faults = faults;
        this.apiKey = apiKey;
        this.verifier = verifier;
        this.baseUrl = baseUrl;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        String path = decodePath(req.getRequestURI());
        Reply reply;
        FaultRule fault = null;
        try {
            fault = faults.match(method, path);
            if (fault != null && fault.latencyMs > 0) Thread.sleep(fault.latencyMs);
            if (fault != null && fault.action == FaultRule.Action.DROP) {
                drop(req);
                return;
            }
            if (fault != null && fault.action == FaultRule.Action.STATUS) {
                reply = statusFault(fault, path);
            } else if (fault != null && fault.action == FaultRule.Action.NON_JSON) {
                reply = Reply.text(fault.status, fault.contentType != null ? fault.contentType : "text/html; charset=utf-8",
                        fault.body != null ? fault.body : HTML);
                fault.headers.forEach(reply::header);
            } else {
                byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
                reply = body.length > MAX_BODY ? Responses.message(413, "The request body exceeds " + MAX_BODY + " bytes.")
                        : handle(req, method, path, body);
                if (fault != null && fault.action == FaultRule.Action.TRUNCATE) {
                    reply.body = Arrays.copyOf(reply.body, reply.body.length / 2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Responses.message(503, "The sandbox is shutting down.");
        }
        write(req, resp, reply);
    }

    private Reply statusFault(FaultRule f, String path) {
        Reply r;
        if (f.body != null) {
            r = Reply.text(f.status, f.contentType != null ? f.contentType : Reply.JSON, f.body);
        } else if (f.status == 204 || f.status == 304) {
            r = new Reply(f.status, null, null);
        } else {
            r = Responses.message(f.status, "Injected fault: " + f.status + " " + Responses.reason(f.status));
            if (f.status == 404 || f.status == 401) r = Responses.problem(f.status, "Injected fault", path);
        }
        f.headers.forEach(r::header);
        return r;
    }

    private Reply handle(HttpServletRequest req, String method, String path, byte[] body) {
        try {
            if (path.equals("/__sandbox/faults")) return admin(method, body);
            if (path.equals("/__sandbox/health")) return Reply.ok(Map.of("status", "ok"));
            if (path.equals("/__sandbox/info") && method.equals("GET")) return Reply.ok(info());
            if (path.equals("/__sandbox/reset") && method.equals("POST")) {
                state.reset();
                faults.clear();
                return Reply.noContent();
            }
            if (path.startsWith("/api/v1/")) authenticate(req.getHeader("Authorization"));
            boolean[] mismatch = new boolean[1];
            Router.Match m = router.find(method, path, mismatch);
            if (m == null) {
                if (mismatch[0]) return Responses.problem(405, "Method " + method + " is not allowed for " + path, path);
                return Responses.problem(404, "No endpoint matches " + method + " " + path, path);
            }
            Ctx ctx = new Ctx(method, path, m.groups(), new Query(req.getQueryString()), body, baseUrl.get(),
                    req.getContentType(), req::getHeader);
            return m.route().handler().handle(ctx);
        } catch (ApiException e) {
            Reply r = Responses.of(e, path);
            if (e.status() == 401) r.header("WWW-Authenticate", "Bearer realm=\"sequentum-sandbox\"");
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Responses.message(503, "The sandbox is shutting down.");
        } catch (Exception e) {
            LOG.warn("Unhandled error for {} {}", method, path, e);
            return Responses.message(500, "An unexpected error occurred in the sandbox.");
        }
    }

    private void authenticate(String header) {
        if (header == null || header.isBlank()) throw ApiException.unauthorized("Missing Authorization header.");
        String h = header.trim();
        int sp = h.indexOf(' ');
        if (sp > 0) {
            String scheme = h.substring(0, sp);
            String value = h.substring(sp + 1).trim();
            if (scheme.equalsIgnoreCase("ApiKey") && value.equals(apiKey)) return;
            if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
                TokenVerifier v = verifier.get();
                if (v != null && v.verify(value)) return;
                throw ApiException.unauthorized("The bearer token is invalid or expired.");
            }
        }
        throw ApiException.unauthorized("The API key is invalid.");
    }

    private Map<String, Object> info() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("seed", state.seed());
        m.put("agentsFailingByDesign", state.agentsFailingByDesign());
        m.put("agentsNeverFailed", state.agentsNeverFailed());
        m.put("agentsNeverRan", state.agentsNeverRan());
        m.put("reliableStartableAgents", state.reliableStartableAgents());
        m.put("activeRunIds", state.activeRunIds());
        m.put("faults", faults.describe());
        return m;
    }

    private Reply admin(String method, byte[] body) {
        switch (method) {
            case "GET":
                return Reply.ok(faults.describe());
            case "DELETE":
                faults.clear();
                return Reply.noContent();
            case "POST": {
                JsonNode n = Json.parse(body);
                ObjectNode out = Json.object();
                var arr = out.putArray("ids");
                try {
                    if (n.isArray()) {
                        for (JsonNode item : n) arr.add(faults.add(FaultInjector.fromJson(item)).id());
                    } else {
                        arr.add(faults.add(FaultInjector.fromJson(n)).id());
                    }
                } catch (RuntimeException e) {
                    throw ApiException.badRequest("Invalid fault definition: " + e.getMessage());
                }
                return Reply.json(201, out);
            }
            default:
                return Responses.problem(405, "Method not allowed", "/__sandbox/faults");
        }
    }

    private static void drop(HttpServletRequest req) {
        try {
            ServletContextRequest scr = ServletContextRequest.getServletContextRequest(req);
            scr.getConnectionMetaData().getConnection().getEndPoint().close();
        } catch (RuntimeException e) {
            LOG.debug("could not drop connection", e);
        }
    }

    private static void write(HttpServletRequest req, HttpServletResponse resp, Reply r) throws IOException {
        if (resp.isCommitted()) return;
        resp.setStatus(r.status);
        r.headers.forEach(resp::setHeader);
        if (r.contentType != null) resp.setHeader("Content-Type", r.contentType);
        resp.setContentLength(r.body.length);
        if (r.body.length > 0) resp.getOutputStream().write(r.body);
    }

    private static String decodePath(String raw) {
        if (raw == null) return "/";
        if (raw.indexOf('%') < 0) return raw;
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
