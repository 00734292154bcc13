package org.changchun.layout.compliance;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

/** A site that cannot be reviewed as sent (400): the message says what to fix. */
class InvalidSiteException extends ApiException {

    InvalidSiteException(String messageZh, String messageEn) {
        super(HttpStatus.BAD_REQUEST, messageZh, messageEn);
    }
}
