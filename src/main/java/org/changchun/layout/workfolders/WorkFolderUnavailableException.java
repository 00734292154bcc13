package org.changchun.layout.workfolders;

import org.changchun.layout.problem.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A work folder cannot be written: 503, for the service cannot do this now through no fault of the
 * caller, and the message names the folder and why. Retry-After is a minute: an administrator has
 * to act, which takes longer than a database's restart.
 */
public class WorkFolderUnavailableException extends ApiException {

    private static final int RETRY_AFTER_SECONDS = 60;

    WorkFolderUnavailableException(String messageZh, String messageEn) {
        super(HttpStatus.SERVICE_UNAVAILABLE, messageZh, messageEn);
    }

    @Override
    public Integer retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
