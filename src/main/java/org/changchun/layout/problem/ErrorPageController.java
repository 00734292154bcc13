package org.changchun.layout.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page ({@code /error}), in place of Spring Boot's, which answers HTML or its own JSON:
 * the servlet container sends a request here when a status was set with {@code sendError} or an
 * exception escaped a filter, and this answers it with the problem document for that status,
 * whatever the request accepts. Asked for directly, there is no error to report: 404.
 */
@Hidden
@RestController
class ErrorPageController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemResponses.write(response, StatusProblems.of(status instanceof Integer code ? code : 404));
    }
}
