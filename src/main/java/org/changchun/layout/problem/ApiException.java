package org.changchun.layout.problem;

import org.springframework.http.HttpStatus;

/**
 * A caller's mistake, with the HTTP status it maps to and a message in Chinese and English that
 * says what to fix. Features throw subclasses; only {@link ProblemHandler} turns them into HTTP.
 */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String messageZh;
    private final String messageEn;

    protected ApiException(HttpStatus status, String messageZh, String messageEn) {
        super(messageZh + " / " + messageEn);
        this.status = status;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** When the same request may succeed again, in seconds, for a 503's Retry-After; null when it will not by itself. */
    public Integer retryAfterSeconds() {
        return null;
    }
}
