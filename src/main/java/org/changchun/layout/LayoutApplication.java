package org.changchun.layout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 长春市空间布局服务 / Spatial-layout service for the Changchun municipal plan. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LayoutApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            // the command line import: the same application without a web server, then exit
            ConfigurableApplicationContext context = new SpringApplicationBuilder(LayoutApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("plan.command=import")
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(LayoutApplication.class, args);
    }
}
