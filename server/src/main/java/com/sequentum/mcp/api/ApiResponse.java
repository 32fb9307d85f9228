package com.sequentum.mcp.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful upstream answer: status, the {@code Location} header (redirects) and the body as JSON (text bodies become a JSON string). */
public record ApiResponse(int status, String location, JsonNode body) {}
