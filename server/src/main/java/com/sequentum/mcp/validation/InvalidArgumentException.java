package com.sequentum.mcp.validation;

/** A tool argument broke a rule; the message is shown to the model as {@code Error: <message>}. */
public final class InvalidArgumentException extends RuntimeException {
    public InvalidArgumentException(String message) {
        super(message, null, false, false);
    }
}
