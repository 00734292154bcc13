package org.changchun.layout.security;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.CookieParameter;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.OpenApiComponents;
import org.changchun.layout.http.SecuritySchemes;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the map page's sign-in and sign-out into the OpenAPI document of the plan API. They are
 * Spring Security's form login and logout ({@link SecurityConfiguration}), filters rather than
 * controllers, so springdoc does not see them; documenting them here, instead of with a stub
 * controller, leaves nothing that could answer in the filters' place.
 */
@Component
class SessionDocumentation implements GlobalOpenApiCustomizer {

    private static final String TAG = "账号 Accounts";
    private static final String SIGNED_IN = "SignedIn";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        // only the documents that hold the plan API (all of it, or its group), not the OGC group
        if (openApi.getPaths() == null || openApi.getPaths().keySet().stream().noneMatch(p -> p.startsWith("/api/"))) {
            return;
        }
        ResolvedSchema signedIn = ModelConverters.getInstance()
                .resolveAsResolvedSchema(new AnnotatedType(SecurityConfiguration.SignedIn.class));
        openApi.getComponents().addSchemas(SIGNED_IN, signedIn.schema);
        openApi.path("/api/session", new PathItem().post(signIn()));
        openApi.path("/api/session/logout", new PathItem().post(signOut()));
    }

    private static Operation signIn() {
        Schema<?> form = new ObjectSchema()
                .addProperty("username", new StringSchema())
                .addProperty("password", new StringSchema().format("password"))
                .required(List.of("username", "password"));
        return new Operation().addTagsItem(TAG).operationId("signIn")
                .summary("页面登录 / sign a page in")
                .description("opens a session (cookie " + SecuritySchemes.SESSION_COOKIE + ") for the map page. Like "
                        + "every write from a page it needs the CSRF token: GET /api/me first, then send the "
                        + "XSRF-TOKEN cookie's value as " + SecuritySchemes.XSRF_HEADER + ". Scripts need no session: "
                        + "they send HTTP Basic or " + SecuritySchemes.API_KEY_HEADER + " with each request.")
                .addParametersItem(new HeaderParameter().name(SecuritySchemes.XSRF_HEADER).required(true)
                        .schema(new StringSchema()).description("the XSRF-TOKEN cookie's value"))
                .addParametersItem(new CookieParameter().name("XSRF-TOKEN").required(true).schema(new StringSchema())
                        .description("set by GET /api/me"))
                .requestBody(new RequestBody().required(true)
                        .content(new Content().addMediaType(FORM, new MediaType().schema(form))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("已登录 / signed in; the answer sets the "
                                        + "session cookie")
                                .content(new Content().addMediaType(MediaTypes.JSON_VALUE,
                                        new MediaType().schema(OpenApiComponents.ref(SIGNED_IN)))))
                        .addApiResponse("401", new ApiResponse().description("用户名或密码不正确 / wrong user name or "
                                + "password").content(OpenApiComponents.problem()))
                        .addApiResponse("403", new ApiResponse().description("缺少 CSRF 令牌 / no CSRF token "
                                + "(" + SecuritySchemes.XSRF_HEADER + ")").content(OpenApiComponents.problem())));
    }

    private static Operation signOut() {
        return new Operation().addTagsItem(TAG).operationId("signOut")
                .summary("页面退出 / sign a page out")
                .description("ends the session; with a session cookie it needs the CSRF token, as sign-in does")
                .responses(new ApiResponses()
                        .addApiResponse("204", new ApiResponse().description("已退出 / signed out"))
                        .addApiResponse("403", new ApiResponse().description("缺少 CSRF 令牌 / no CSRF token "
                                + "(" + SecuritySchemes.XSRF_HEADER + ")").content(OpenApiComponents.problem())));
    }
}
