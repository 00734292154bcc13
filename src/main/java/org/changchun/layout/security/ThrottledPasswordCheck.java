package org.changchun.layout.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the password of a sign-in (HTTP Basic and the page's form sign-in alike), unless its
 * account or client address must wait after failures ({@link SignInThrottle}): then it is refused
 * unchecked, with {@link SignInThrottledException}, which the sign-in's failure handling answers
 * with a 429. The only authentication manager of the filter chain, with no parent to fall back
 * on, so a throttled attempt cannot be checked by another one.
 */
class ThrottledPasswordCheck implements AuthenticationManager {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledPasswordCheck(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication signIn) {
        if (!(signIn.getDetails() instanceof SignInAttempt attempt)) {
            throw new AuthenticationServiceException("a sign-in without its client address: " + signIn.getClass());
        }
        String account = signIn.getName();
        throttle.passwordWait(account, attempt).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        try {
            Authentication signedIn = passwords.authenticate(signIn);
            throttle.passwordSucceeded(account, attempt);
            return signedIn;
        } catch (AuthenticationServiceException e) {
            // the accounts could not be read (database down): no password was judged
            throw e;
        } catch (AuthenticationException e) {
            throttle.passwordFailed(account, attempt);
            throw e;
        }
    }
}
