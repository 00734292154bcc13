package org.changchun.layout.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.changchun.layout.http.MediaTypes;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes refusals made outside Spring MVC (servlet filters, security handlers, the error page and
 * Tomcat's error report) as the same problem documents every other error uses.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String messageZh, String messageEn)
            throws IOException {
        write(response, ProblemDocument.of(status, messageZh, messageEn));
    }

    public static void write(HttpServletResponse response, ProblemDocument problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(MediaTypes.PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(problem));
    }

    /** The document as JSON text, for writers that are not a servlet response (Tomcat's error report). */
    public static String json(ProblemDocument problem) {
        return JSON.writeValueAsString(problem);
    }
}
