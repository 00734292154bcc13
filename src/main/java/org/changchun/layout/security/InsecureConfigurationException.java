package org.changchun.layout.security;

/** The service was asked to run on its production store with a password anyone could guess. */
class InsecureConfigurationException extends RuntimeException {

    InsecureConfigurationException(String problem) {
        super(problem);
    }
}
