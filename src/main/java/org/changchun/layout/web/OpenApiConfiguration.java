package org.changchun.layout.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.http.OpenApiComponents;
import org.changchun.layout.http.SecuritySchemes;
import org.locationtech.jts.geom.Geometry;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the OpenAPI definitions say about the service as a whole, so that they describe what it
 * really answers: member names as the app's JSON writes them, geometries as GeoJSON, the problem
 * document and the statuses every operation may answer with, and the three ways to sign in.
 * Statuses particular to an operation are annotated on it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI serviceDescription() {
        return new OpenAPI().info(new Info()
                .title("长春市空间布局服务 / Changchun spatial-layout service")
                .version("0.1")
                .description("规划图层、六城、项目库与覆盖分析；OGC API - Features 位于 /ogc。"
                        + " / The plan's layers, the six cities, the project library and coverage questions;"
                        + " OGC API - Features under /ogc. District boundaries are AMap-derived development"
                        + " placeholders; zones are schematic; projects are invented samples. Reading needs no"
                        + " sign-in unless plan.security.anonymous-read=false; changing data needs the EDITOR role,"
                        + " /api/admin/** the ADMIN role. Every error is an application/problem+json document.")
                .license(new License().name("see gis-data/README.md for the data's licences")));
    }

    /**
     * Describes records as the app's JSON mapper writes them: swagger introspects with a Jackson 2
     * mapper of its own, which knows nothing of {@code spring.jackson.property-naming-strategy}, so
     * it is given the app's strategy. JTS geometries, which swagger would describe as Java beans,
     * are GeoJSON geometries.
     */
    @Bean
    ModelResolver modelResolverNamingAsTheApp(JsonMapper json) {
        SpringDocUtils.getConfig()
                .replaceWithSchema(Geometry.class, OpenApiComponents.ref(OpenApiComponents.GEOMETRY))
                .replaceWithSchema(JsonNode.class, new Schema<>().description("any JSON value"));
        var mapper = Json.mapper().copy();
        if (json.serializationConfig().getPropertyNamingStrategy()
                instanceof tools.jackson.databind.PropertyNamingStrategies.NamingBase naming) {
            mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
                @Override
                public String translate(String name) {
                    // a naming strategy of the standard kind only translates the name it is given
                    return naming.nameForField(null, null, name);
                }
            });
        }
        return new ModelResolver(mapper);
    }

    /**
     * The schemas every part of the document refers to and the three ways to sign in. A map whose
     * values are Java {@code Object}s (a feature's properties) holds any JSON values, where swagger
     * would say JSON objects.
     */
    @Bean
    GlobalOpenApiCustomizer sharedComponents() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components
                    .addSchemas(OpenApiComponents.PROBLEM, problemSchema())
                    .addSchemas(OpenApiComponents.GEOMETRY, geometrySchema())
                    .addSecuritySchemes(SecuritySchemes.BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("basic").description("账号与密码 / an account's name and password"))
                    .addSecuritySchemes(SecuritySchemes.API_KEY, new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                            .name(SecuritySchemes.API_KEY_HEADER)
                            .description("管理员创建的 API 密钥 / an API key an admin created (POST /api/admin/keys)"))
                    .addSecuritySchemes(SecuritySchemes.SESSION, new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                            .name(SecuritySchemes.SESSION_COOKIE)
                            .description("页面登录的会话 / the session of a page signed in at POST /api/session"))
                    .addSecuritySchemes(SecuritySchemes.XSRF, new SecurityScheme()
                            .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                            .name(SecuritySchemes.XSRF_HEADER)
                            .description("会话写操作须带 XSRF-TOKEN cookie 的值 / with a session, each write sends the "
                                    + "value of the XSRF-TOKEN cookie (GET /api/me sets it)")));
            components.getSchemas().values().forEach(OpenApiConfiguration::mapsOfAnyValue);
        };
    }

    /**
     * What every controller operation may answer besides its own statuses: 400 for a malformed
     * request (the HTTP firewall refuses some before any controller), 401 for wrong credentials
     * (any request may carry them), 429 while sign-ins from that account or address are held back
     * after repeated wrong ones, 503 when the database is unreachable, and with a request body
     * 413 and 415; every error as a problem document. Writes signed in by a page's session also
     * need the CSRF header.
     */
    @Bean
    GlobalOperationCustomizer answersOfEveryOperation() {
        return (operation, handler) -> {
            addCommonAnswers(operation.getResponses());
            if (operation.getRequestBody() != null) {
                addBodyAnswers(operation.getResponses());
            }
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            if (mapping != null && !Arrays.asList(mapping.method()).contains(RequestMethod.GET)) {
                requireCsrfTokenWithSessions(operation);
            }
            return operation;
        };
    }

    private static void addCommonAnswers(ApiResponses responses) {
        responses.putIfAbsent("400", new ApiResponse().description("请求无效 / bad request: a parameter, the format "
                + "or the body is wrong; the message says which"));
        responses.putIfAbsent("401", new ApiResponse().description("凭据无效 / wrong credentials (reading needs none "
                + "unless plan.security.anonymous-read=false)"));
        responses.putIfAbsent("429", new ApiResponse().description("登录失败过多，请稍后再试 / too many wrong sign-ins "
                        + "from this account or address; retry after Retry-After seconds")
                .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())));
        responses.putIfAbsent("503", new ApiResponse().description("数据库暂时不可用 / the database is unreachable; "
                        + "retry after Retry-After seconds")
                .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())));
        // springdoc gives every response the operation's own body unless told otherwise
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                Content own = response.getContent();
                Content problem = OpenApiComponents.problem();
                // WMS refuses with service exception reports (XML), as its clients expect
                if (own != null && own.containsKey(MediaTypes.XML_VALUE)) {
                    problem.addMediaType(MediaTypes.XML_VALUE, own.get(MediaTypes.XML_VALUE));
                }
                response.setContent(problem);
            } else if (status.equals("204") || status.equals("304")) {
                response.setContent(null);
            }
        });
    }

    private static void mapsOfAnyValue(Schema<?> schema) {
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            if ("object".equals(values.getType()) && values.getProperties() == null && values.get$ref() == null
                    && values.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(true);
            } else {
                mapsOfAnyValue(values);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::mapsOfAnyValue);
        }
        if (schema.getItems() != null) {
            mapsOfAnyValue(schema.getItems());
        }
    }

    private static void addBodyAnswers(ApiResponses responses) {
        responses.putIfAbsent("413", new ApiResponse().description("请求体过大 / the body is larger than "
                + "plan.limits.max-body").content(OpenApiComponents.problem()));
        responses.putIfAbsent("415", new ApiResponse().description("请求体类型不支持 / the body's Content-Type is "
                + "not one this operation reads").content(OpenApiComponents.problem()));
    }

    private static void requireCsrfTokenWithSessions(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.containsKey(SecuritySchemes.SESSION)) {
                requirement.addList(SecuritySchemes.XSRF);
            }
            requirements.add(requirement);
        }
        operation.setSecurity(requirements);
    }

    /** An RFC 9457 problem document with the members this service adds (see problem/ProblemHandler). */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem document / 错误说明，先中文后英文")
                .addProperty("type", new StringSchema().description("about:blank"))
                .addProperty("title", new StringSchema().description("the HTTP reason"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("the message, Chinese / English"))
                .addProperty("instance", new StringSchema().description("the path asked for"))
                .addProperty("error", new StringSchema().description("the HTTP reason"))
                .addProperty("message", new StringSchema().description("Chinese / English"))
                .addProperty("message_zh", new StringSchema())
                .addProperty("message_en", new StringSchema())
                .addProperty("rows", new ArraySchema().description("a table's bad rows, every one (uploads of figures)")
                        .items(new ObjectSchema()
                                .addProperty("line", new IntegerSchema().description("the line in the file (header: 1), "
                                        + "or the item's position in a JSON list (from 1)"))
                                .addProperty("column", new StringSchema().nullable(true)
                                        .description("the column, as the file names it"))
                                .addProperty("message_zh", new StringSchema())
                                .addProperty("message_en", new StringSchema())
                                .required(List.of("line", "message_zh", "message_en"))))
                .required(List.of("status", "error", "message", "message_zh", "message_en"));
    }

    /** An RFC 7946 geometry, one schema per type so that its coordinates nest as deep as the type says. */
    private static Schema<?> geometrySchema() {
        Schema<?> position = new ArraySchema().items(new NumberSchema()).minItems(2).maxItems(3)
                .description("[x, y]: lon, lat in CRS84; in the order and unit of the crs asked for otherwise");
        Schema<?> positions = new ArraySchema().items(position);
        Schema<?> rings = new ArraySchema().items(positions);
        Schema<?> polygons = new ArraySchema().items(rings);
        return new Schema<>()
                .description("GeoJSON geometry (RFC 7946)")
                .oneOf(List.of(
                        geometry("Point", position), geometry("MultiPoint", positions),
                        geometry("LineString", positions), geometry("MultiLineString", rings),
                        geometry("Polygon", rings), geometry("MultiPolygon", polygons),
                        new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of("GeometryCollection")))
                                .addProperty("geometries", new ArraySchema().items(
                                        OpenApiComponents.ref(OpenApiComponents.GEOMETRY)))
                                .required(List.of("type", "geometries"))));
    }

    private static Schema<?> geometry(String type, Schema<?> coordinates) {
        return new ObjectSchema()
                .addProperty("type", new StringSchema()._enum(List.of(type)))
                .addProperty("coordinates", coordinates)
                .required(List.of("type", "coordinates"));
    }
}
