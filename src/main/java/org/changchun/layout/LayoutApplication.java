package org.changchun.layout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 长春市空间布局服务 / Spatial-layout service for the Changchun municipal plan. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LayoutApplication {

    public static void main(String[] args) {
        SpringApplication.run(LayoutApplication.class, args);
    }
}
