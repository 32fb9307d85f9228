package com.sequentum.sandbox.http;

/** Thrown by handlers; rendered by {@link Responses} in one of the two error body forms of the API. */
public final class ApiException extends RuntimeException {
    public enum Form { BAD_REQUEST, PROBLEM }

    private final int status;
    private final Form form;

    private ApiException(int status, Form form, String message) {
        super(message, null, false, false);
        this.status = status;
        this.form = form;
    }

    public int status() { return status; }
    public Form form() { return form; }

    /** 400 with the {statusCode,statusDescription,message,severity} body. */
    public static ApiException badRequest(String message) { return new ApiException(400, Form.BAD_REQUEST, message); }

    /** 404 with the {message,...} body (used e.g. for "No failures found for this agent"). */
    public static ApiException notFoundMessage(String message) { return new ApiException(404, Form.BAD_REQUEST, message); }

    /** 404 RFC 7807 problem details. */
    public static ApiException notFound(String detail) { return new ApiException(404, Form.PROBLEM, detail); }

    public static ApiException unauthorized(String detail) { return new ApiException(401, Form.PROBLEM, detail); }

    public static ApiException problem(int status, String detail) { return new ApiException(status, Form.PROBLEM, detail); }
}
