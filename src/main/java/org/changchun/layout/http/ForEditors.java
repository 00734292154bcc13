package org.changchun.layout.http;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an operation that changes data: it needs an account or API key with the EDITOR role
 * (or ADMIN), and answers 401 without one and 403 with too few rights. This only documents the
 * rule; {@code security/SecurityConfiguration} enforces it, and the OpenAPI contract test checks
 * that the two agree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@SecurityRequirement(name = SecuritySchemes.BASIC)
@SecurityRequirement(name = SecuritySchemes.API_KEY)
@SecurityRequirement(name = SecuritySchemes.SESSION)
@ApiResponse(responseCode = "401", description = "未登录或凭据无效 / no credentials, or wrong ones")
@ApiResponse(responseCode = "403", description = "需要编辑角色，或页面会话缺少 X-XSRF-TOKEN / the account needs "
        + "the EDITOR role, or a signed-in page sent no X-XSRF-TOKEN")
public @interface ForEditors {
}
