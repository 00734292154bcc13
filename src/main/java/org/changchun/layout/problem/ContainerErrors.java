package org.changchun.layout.problem;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ContainerErrorReportValve} where Tomcat keeps its error report valve, on the host,
 * so the errors Tomcat answers itself are problem documents too. Spring Boot's own customizer
 * adds an HTML one there (without stack traces), and the host adds Tomcat's default when it starts
 * unless one of the configured class is present; so this runs after Boot's, takes every other
 * error report valve out and names its own class.
 */
@Component
@ConditionalOnWebApplication
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> reportProblemDocuments((StandardHost) context.getParent()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static void reportProblemDocuments(StandardHost host) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ContainerErrorReportValve());
        host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
    }
}
