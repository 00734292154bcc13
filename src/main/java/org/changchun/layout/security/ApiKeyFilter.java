package org.changchun.layout.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.problem.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in requests that carry {@code X-API-Key}. A key that is unknown or revoked is refused
 * with 401 straight away rather than treated as anonymous, so a client learns its key is dead;
 * such refusals count against the client address like wrong passwords ({@link SignInThrottle}),
 * and while the address must wait its keys are refused with 429 unchecked.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AccessStore store;
    private final SignInThrottle throttle;
    private final ClientAddresses addresses;

    ApiKeyFilter(ApiKeys keys, AccessStore store, SignInThrottle throttle, ClientAddresses addresses) {
        this.keys = keys;
        this.store = store;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        SignInAttempt attempt = SignInAttempt.of(request, addresses);
        Optional<Duration> wait = throttle.keyWait(attempt);
        if (wait.isPresent()) {
            new SignInThrottledException(wait.get()).answer(response);
            return;
        }
        Optional<ApiKeyRecord> record = keys.authenticate(key.trim());
        if (record.isEmpty()) {
            throttle.keyFailed(attempt);
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "API 密钥无效或已被吊销",
                    "the API key is not valid or has been revoked");
            return;
        }
        throttle.keySucceeded(attempt);
        List<SimpleGrantedAuthority> authorities = AccountDetailsService.withImplied(record.get().roles()).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("key:" + record.get().id(), null, authorities));
        store.keyUsed(record.get().id());
        chain.doFilter(request, response);
    }
}
