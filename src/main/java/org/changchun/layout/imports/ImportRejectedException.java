package org.changchun.layout.imports;

import org.changchun.layout.problem.ApiException;
import org.changchun.layout.shapefile.InvalidShapefileException;
import org.springframework.http.HttpStatus;

/**
 * An upload that cannot be imported as it is: the message says what is wrong and how to fix it,
 * in Chinese and English. Nothing has been written when it is thrown.
 */
public class ImportRejectedException extends ApiException {

    public ImportRejectedException(String messageZh, String messageEn) {
        this(HttpStatus.BAD_REQUEST, messageZh, messageEn);
    }

    /** For refusals that are not 400, e.g. 413 for an archive that expands too far. */
    public ImportRejectedException(HttpStatus status, String messageZh, String messageEn) {
        super(status, messageZh, messageEn);
    }

    /** A shapefile of the upload that cannot be read: a 400 with the reader's own message, word for word. */
    ImportRejectedException(InvalidShapefileException unreadable) {
        this(unreadable.messageZh(), unreadable.messageEn());
        initCause(unreadable);
    }
}
