package org.changchun.layout.formats;

/** A file that cannot be read as its format says: what is wrong and how to fix it, in Chinese and English. */
public class UnreadableSourceException extends RuntimeException {

    private final String messageZh;
    private final String messageEn;

    public UnreadableSourceException(String messageZh, String messageEn) {
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
