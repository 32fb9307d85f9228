package com.sequentum.sandbox;

import com.sequentum.sandbox.http.Responses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/** Replaces Jetty's HTML error pages with RFC 7807 JSON. */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        Object msg = request.getAttribute(ERROR_MESSAGE);
        String detail = msg == null ? Responses.reason(status) : msg.toString();
        var reply = Responses.problem(status, detail, request.getHttpURI() == null ? null : request.getHttpURI().getPath());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body.length);
        response.write(true, ByteBuffer.wrap(reply.body), callback);
        return true;
    }
}
