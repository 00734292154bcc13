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
}
