package org.changchun.layout.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may change data ({@code plan.security.*}). There is no default user: without one, every
 * write is refused.
 *
 * @param users accounts for HTTP Basic sign-in
 */
@Validated
@ConfigurationProperties("plan.security")
public record SecurityProperties(@Valid List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param password the password in Spring Security's encoded form, e.g. {@code {bcrypt}$2a$10$...}
     *                 (see README for how to make one)
     * @param roles    e.g. {@code EDITOR}
     */
    public record User(@NotBlank String name,
                       @NotBlank @Pattern(regexp = "\\{[a-z0-9@-]+\\}.+",
                               message = "must be an encoded password such as {bcrypt}$2a$10$...") String password,
                       @NotEmpty List<String> roles) {
    }
}
