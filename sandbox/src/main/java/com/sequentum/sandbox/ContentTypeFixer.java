package com.sequentum.sandbox;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty canonicalises {@code application/json; charset=utf-8} to {@code application/json;charset=utf-8}.
 * This wrapper restores the spelling the Control Center API uses, just before the headers are committed.
 */
final class ContentTypeFixer extends Handler.Wrapper {
    ContentTypeFixer(Handler h) {
        super(h);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new Response.Wrapper(request, response) {
            private boolean fixed;

            @Override
            public void write(boolean last, ByteBuffer content, Callback cb) {
                if (!fixed) {
                    fixed = true;
                    HttpField ct = getWrapped().getHeaders().getField(HttpHeader.CONTENT_TYPE);
                    if (ct != null && ct.getValue().contains(";charset=")) {
                        getWrapped().getHeaders().put(HttpHeader.CONTENT_TYPE, ct.getValue().replace(";charset=", "; charset="));
                    }
                }
                super.write(last, content, cb);
            }
        }, callback);
    }
}
