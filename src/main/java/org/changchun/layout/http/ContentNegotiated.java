package org.changchun.layout.http;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an operation whose answer's media type Spring MVC picks from the {@code Accept}
 * header, so that an {@code Accept} naming none of the types it offers is answered 406. Operations
 * that set their answer's type themselves (GeoJSON, CSV, tiles, HTML pages) never answer 406 and
 * carry no such annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ApiResponse(responseCode = "406", description = "无法提供 Accept 所要的格式 / the Accept header names no type "
        + "this operation answers in")
public @interface ContentNegotiated {
}
