package com.sequentum.mcp.transport.http;

/** Request attributes the filters hand to each other and to the transport-context extractor. */
final class Attrs {
    static final String TOKEN = "sequentum.mcp.token";
    static final String TOKEN_HASH = "sequentum.mcp.tokenHash";
    static final String PRINCIPAL = "sequentum.mcp.principal";
    static final String CLIENT = "sequentum.mcp.client";
    static final String MESSAGE = "sequentum.mcp.message";

    /** Transport-context keys (values are never null). */
    static final String CTX_TOKEN = "token";
    static final String CTX_TOKEN_HASH = "tokenHash";
    static final String CTX_PRINCIPAL = "principal";

    private Attrs() {}
}
