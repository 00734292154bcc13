package org.changchun.layout.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.changchun.layout.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because its account or client address must wait after failures. */
class SignInThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    SignInThrottledException(Duration wait) {
        super("sign-ins wait " + wait);
        // Retry-After counts whole seconds; rounding down would invite a retry that is refused again
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The 429 with {@code Retry-After} and a problem document saying when to retry. */
    void answer(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS,
                "登录失败次数过多（该账号或该地址），请在 " + retryAfterSeconds + " 秒后重试",
                "too many failed sign-ins for this account or from this address; retry in " + retryAfterSeconds
                        + (retryAfterSeconds == 1 ? " second" : " seconds"));
    }
}
