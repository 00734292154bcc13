package org.changchun.layout.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reading is open to everyone; changing data needs the EDITOR role, signed in with HTTP Basic.
 * The API is stateless (no session, so no CSRF token to steal); refusals are problem documents.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String EDITOR = "EDITOR";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint signInRequired = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"changchun-plan\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "需要以编辑账号登录",
                    "sign-in required: this request changes data and needs an editor account");
        };
        // the API sets its own Cache-Control (tiles are public and cacheable)
        http.headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        // coverage questions about a drawn polygon are reads sent as POST
                        .requestMatchers(HttpMethod.POST, "/api/coverage/**").permitAll()
                        .anyRequest().hasRole(EDITOR))
                .httpBasic(basic -> basic.authenticationEntryPoint(signInRequired))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signInRequired)
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "当前账号没有编辑权限",
                                "this account may not change data (it needs the EDITOR role)")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            users.createUser(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        return users;
    }
}
