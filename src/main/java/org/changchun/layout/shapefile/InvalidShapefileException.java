package org.changchun.layout.shapefile;

/**
 * A shapefile that cannot be read as it is: a file missing, damaged or truncated, files from
 * different versions, an unsupported shape type, an encoding nobody knows. The message says what
 * is wrong and how to fix it, in Chinese and in English; nothing has been read into anything when
 * it is thrown.
 *
 * <p>It knows nothing of HTTP: whoever reads shapefiles for a user decides what it means there
 * (imports answer it with a 400, see {@code imports/ImportRejectedException}).
 */
public class InvalidShapefileException extends RuntimeException {

    private final String messageZh;
    private final String messageEn;

    public InvalidShapefileException(String messageZh, String messageEn) {
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
