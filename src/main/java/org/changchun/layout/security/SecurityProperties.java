package org.changchun.layout.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may do what ({@code plan.security.*}). There is no default account: the first admin comes
 * from {@code bootstrap-admin}, and accounts listed in
 * {@code users} are meant for development and tests.
 *
 * @param users                  accounts defined in configuration, besides those in the store
 * @param anonymousRead          whether reading needs no sign-in (off: every request needs one)
 * @param allowInsecureDefaults  lets the service start on PostGIS with a known default password
 *                               or a plain-text {@code {noop}} one; for local trials and tests only
 * @param bootstrapAdmin         creates this admin at start-up when the store has none
 * @param corsAllowedOrigins     origins whose pages may call the API from a browser with credentials
 *                               (public reads answer any origin without them, {@link PublicCors})
 */
@Validated
@ConfigurationProperties("plan.security")
public record SecurityProperties(
        @Valid List<User> users,
        Boolean anonymousRead,
        boolean allowInsecureDefaults,
        @Valid BootstrapAdmin bootstrapAdmin,
        List<String> corsAllowedOrigins) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        anonymousRead = anonymousRead == null || anonymousRead;
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }

    /**
     * @param password the password in Spring Security's encoded form, e.g. {@code {bcrypt}$2a$10$...}
     * @param roles    EDITOR, ADMIN
     */
    public record User(@NotBlank String name,
                       @NotBlank @Pattern(regexp = "\\{[a-z0-9@-]+\\}.+",
                               message = "must be an encoded password such as {bcrypt}$2a$10$...") String password,
                       @NotEmpty List<String> roles) {
    }

    /**
     * @param password plain text (hashed before it is stored) or already encoded ({@code {bcrypt}…})
     */
    public record BootstrapAdmin(@NotBlank String name, @NotBlank String password) {
    }
}
