package org.changchun.layout.query;

/**
 * A query the caller wrote that cannot be run: a malformed filter, an unknown property, a value
 * of the wrong type, a bad bbox. The message says what to fix, in Chinese and in English; the
 * web layer answers it with a 400.
 */
public class InvalidQueryException extends RuntimeException {

    private final String messageZh;
    private final String messageEn;

    public InvalidQueryException(String messageZh, String messageEn) {
        super(messageZh + " / " + messageEn);
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
