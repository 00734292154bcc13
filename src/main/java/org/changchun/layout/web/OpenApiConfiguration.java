package org.changchun.layout.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI definitions say about the service as a whole. */
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
                        + " placeholders; zones are schematic; projects are invented samples.")
                .license(new License().name("see gis-data/README.md for the data's licences")));
    }
}
