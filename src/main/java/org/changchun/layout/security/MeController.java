package org.changchun.layout.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.changchun.layout.http.ContentNegotiated;
import org.changchun.layout.http.MediaTypes;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ContentNegotiated
@Tag(name = "账号 Accounts")
class MeController {

    /**
     * @param csrfCookie the cookie holding the CSRF token (set by this answer)
     * @param csrfHeader the header a signed-in page sends that cookie's value back in, with every write
     */
    record Me(boolean authenticated, @JsonInclude(JsonInclude.Include.NON_NULL) String username, List<String> roles,
              String csrfCookie, @JsonInclude(JsonInclude.Include.NON_NULL) String csrfHeader) {
    }

    @GetMapping(value = "/api/me", produces = MediaTypes.JSON_VALUE)
    @Operation(summary = "当前用户 / who is signed in",
            description = "the user and roles of this request; sets the XSRF-TOKEN cookie whose value a signed-in page "
                    + "sends back as X-XSRF-TOKEN with its writes")
    @ApiResponse(responseCode = "200", description = "OK")
    Me me(Principal principal, @Parameter(hidden = true) CsrfToken csrf) {
        List<String> roles = principal instanceof Authentication authentication
                ? Roles.of(authentication)
                : List.of();
        if (csrf != null) {
            // reading the token makes the repository send its cookie with this answer
            csrf.getToken();
        }
        return new Me(principal != null, principal == null ? null : principal.getName(), roles, "XSRF-TOKEN",
                csrf == null ? null : csrf.getHeaderName());
    }
}
