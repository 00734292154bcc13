package org.changchun.layout.imports;

import org.changchun.layout.problem.ApiException;
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
}
