package org.changchun.layout.maps.serving;

/**
 * A WMS request that cannot be answered, with the exception code WMS 1.3.0 (Annex A) gives the case,
 * or none; answered as a {@code ServiceExceptionReport}.
 */
class WmsException extends RuntimeException {

    private final String code;
    private final String messageZh;
    private final String messageEn;

    WmsException(String code, String messageZh, String messageEn) {
        super(messageZh + " / " + messageEn);
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** null when WMS names no code for the case. */
    String code() {
        return code;
    }

    String messageZh() {
        return messageZh;
    }

    String messageEn() {
        return messageEn;
    }
}
