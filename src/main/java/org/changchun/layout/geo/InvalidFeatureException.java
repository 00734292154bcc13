package org.changchun.layout.geo;

/** A GeoJSON feature that does not fit its layer; the message says what to fix, in Chinese and English. */
public class InvalidFeatureException extends RuntimeException {

    private final String messageZh;
    private final String messageEn;

    public InvalidFeatureException(String messageZh, String messageEn) {
        super(messageEn);
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
