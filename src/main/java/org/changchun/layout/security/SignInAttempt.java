package org.changchun.layout.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a sign-in (a password or an API key) came from: the client address the throttle counts it
 * against, and the request it rode on, for the audit trail. The details of a password sign-in.
 */
record SignInAttempt(String clientAddress, String method, String path) {

    static SignInAttempt of(HttpServletRequest request, ClientAddresses addresses) {
        return new SignInAttempt(addresses.of(request), request.getMethod(), request.getRequestURI());
    }
}
