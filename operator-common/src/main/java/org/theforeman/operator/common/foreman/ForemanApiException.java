package org.theforeman.operator.common.foreman;

/**
 * A call to Foreman's API that did not succeed, with what Foreman said in its own words (the message of
 * its error body), so a condition can show it. Never carries credentials.
 */
public class ForemanApiException extends Exception {
    /** The failure classes a caller reacts to differently. */
    public enum Kind {
        /** No HTTP answer: connection refused, timeout, DNS. */
        UNREACHABLE,
        /** Foreman's certificate is not trusted (ca.crt missing or wrong). */
        CERTIFICATE_NOT_TRUSTED,
        /** 401: the credentials are wrong. */
        UNAUTHORIZED,
        /** 403: the user lacks a permission. */
        FORBIDDEN,
        /** 404: the record does not exist. */
        NOT_FOUND,
        /** 422: Foreman refused the record, e.g. because it could not reach the proxy. */
        UNPROCESSABLE,
        /** Anything else: 5xx, an unexpected answer. */
        FAILED
    }

    private final Kind kind;
    private final int status;
    private final String foremanMessage;

    public ForemanApiException(Kind kind, int status, String foremanMessage, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.foremanMessage = foremanMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 without an answer. */
    public int status() {
        return status;
    }

    /** Foreman's own error text (from its JSON error body), or the transport error; never null. */
    public String foremanMessage() {
        return foremanMessage;
    }
}
