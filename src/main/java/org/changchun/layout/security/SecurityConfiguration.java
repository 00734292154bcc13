package org.changchun.layout.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what. Reading is open unless {@code plan.security.anonymous-read} is off; changing
 * data needs the EDITOR role; accounts, keys and the audit trail need ADMIN. Three ways to sign in:
 * the map page's session (form sign-in at {@code /api/session}, then the {@code XSRF-TOKEN}
 * cookie's value sent back as {@code X-XSRF-TOKEN}), HTTP Basic for scripts and GDAL, and
 * {@code X-API-Key} for machine clients. Only requests that ride on a session cookie need the
 * CSRF token. Only the form sign-in opens a session (no session-management filter, which would save
 * every Basic or API-key authentication in a new session: one per scripted request, kept for the
 * session timeout); public reads set no cookie at all. Failed passwords and API keys make the next
 * attempts of that account or client address wait ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String REALM = "Basic realm=\"changchun-plan\"";
    private static final Pattern TILE_PATH = Pattern.compile("/ogc/(collections/[^/]+/)?tiles/[^/]+/\\d+/\\d+/\\d+$");

    /** The answer of a successful form sign-in at {@code /api/session}. */
    record SignedIn(String username, List<String> roles) {
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, ApiKeys keys,
                                            AccessStore store, JsonMapper json, UserDetailsService users,
                                            PasswordEncoder passwords, SignInThrottle throttle,
                                            ClientAddresses addresses, ContentSecurityPolicy policy)
            throws Exception {
        AuthenticationDetailsSource<HttpServletRequest, SignInAttempt> attempts =
                request -> SignInAttempt.of(request, addresses);
        AuthenticationEntryPoint signInRequired = (request, response, e) -> {
            if (e instanceof SignInThrottledException throttled) {
                throttled.answer(response);
                return;
            }
            // a page's own calls get no Basic challenge, so browsers never pop up (and cache) a password dialog
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", REALM);
            }
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "需要登录（编辑或管理账号）",
                    "sign-in required: this request needs an editor or admin account, or an API key");
        };
        AuthorizationManager<RequestAuthorizationContext> reading = properties.anonymousRead()
                ? (authentication, context) -> new AuthorizationDecision(true)
                : AuthenticatedAuthorizationManager.authenticated();
        http.headers(headers -> headers
                        // before the answer, not when it is committed: a HEAD of the map page (a welcome-page
                        // forward that writes no body) was committed without them
                        .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <F extends HeaderWriterFilter> F postProcess(F filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        })
                        .cacheControl(cache -> cache.disable())
                        // documents only: a tile is data fetched by scripts, and its answer the fastest there is
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !isSwaggerUi(request) && !isTile(request),
                                new StaticHeadersWriter("Content-Security-Policy", policy.value())))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfiguration::isSwaggerUi,
                                new StaticHeadersWriter("Content-Security-Policy", policy.forSwaggerUi())))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !isTile(request),
                                new ReferrerPolicyHeaderWriter(SecurityHeaders.REFERRER_POLICY))))
                .cors(cors -> cors.configurationSource(PublicCors.source(properties)))
                // the page sends the cookie's value back as it is, in a header (no token is ever
                // rendered in a body, so the XOR masking against BREACH has nothing to protect); the
                // token stays deferred, so only /api/me and checked writes set the cookie, never a
                // public read (a Set-Cookie keeps shared caches from storing a tile)
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(notFromASession(), ReadsSentAsPost::matches))
                .authenticationManager(new ThrottledPasswordCheck(users, passwords, throttle))
                .addFilterBefore(new ApiKeyFilter(keys, store, throttle, addresses), BasicAuthenticationFilter.class)
                .addFilterAfter(new AuditFilter(store), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // the error page only words the status the request already got; checked again, a
                        // refused range on a public page became a 401 when reading needs a sign-in
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/api/me").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.svg", "/css/**", "/js/**",
                                "/i18n/**", "/webjars/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/session", "/api/session/logout").permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").access(reading)
                        .requestMatchers(HttpMethod.HEAD, "/**").access(reading)
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        // coverage questions about a drawn polygon, site checks and prints are reads sent as POST
                        .requestMatchers(HttpMethod.POST, ReadsSentAsPost.PATTERNS).access(reading)
                        .anyRequest().hasRole(Roles.EDITOR))
                // nothing to go back to after signing in (the sign-in answers JSON): no request saved in a session
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(signInRequired).authenticationDetailsSource(attempts))
                .formLogin(form -> form.loginProcessingUrl("/api/session").authenticationDetailsSource(attempts)
                        .successHandler((request, response, authentication) -> {
                            response.setContentType(MediaTypes.JSON_VALUE);
                            response.getWriter().write(json.writeValueAsString(new SignedIn(authentication.getName(),
                                    Roles.of(authentication))));
                        })
                        .failureHandler((request, response, e) -> {
                            if (e instanceof SignInThrottledException throttled) {
                                throttled.answer(response);
                            } else {
                                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "用户名或密码不正确",
                                        "wrong user name or password");
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/api/session/logout")
                        .logoutSuccessHandler((request, response, authentication) -> response.setStatus(204)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signInRequired)
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "没有权限，或缺少 CSRF 令牌（页面会话请带 X-XSRF-TOKEN）",
                                "not allowed: this account lacks the role this request needs, or a signed-in page "
                                        + "sent no CSRF token (X-XSRF-TOKEN)")));
        return http.build();
    }

    /**
     * No observation per security filter: on a public read they cost as much CPU as encoding a
     * small tile does, and request metrics (http.server.requests) already time every request.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Requests the firewall refuses before any controller (e.g. {@code //} or {@code ;} in paths, an
     * unknown method) are the caller's mistake: a 400 saying what the firewall found.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                "请求被拒绝：路径、方法或请求头含有不允许的内容（如 //、;、编码的 % 或 /）", "the request was refused: " + e.getMessage());
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, AccessStore store) {
        return new AccountDetailsService(properties, store);
    }

    /**
     * Requests a forged cross-site form could not have made with the victim's rights: those that
     * bring their own credentials in a header, and those without a session cookie (anonymous, so
     * a forgery gains nothing). Signing in itself is always checked, so no one can be signed in
     * to another's account by a forged form.
     */
    private static RequestMatcher notFromASession() {
        return (HttpServletRequest request) -> !request.getRequestURI().equals("/api/session")
                && (request.getHeader("Authorization") != null || request.getHeader(ApiKeyFilter.HEADER) != null
                || request.getRequestedSessionId() == null);
    }

    private static boolean isSwaggerUi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/");
    }

    /** A request for a vector tile ({@code /ogc/…/tiles/{tileMatrixSetId}/{z}/{y}/{x}}). */
    private static boolean isTile(HttpServletRequest request) {
        return TILE_PATH.matcher(request.getRequestURI()).find();
    }
}
