package org.changchun.layout.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.changchun.layout.http.MediaTypes;

/**
 * Tomcat's error report, as a problem document instead of its HTML page: for the errors Tomcat
 * answers before (or without) the application, such as a request line or header over
 * {@code server.max-http-request-header-size}, a path that is not valid UTF-8 ({@code %C0%AF},
 * {@code %FF}) or holds an encoded slash, or an exception that escaped every handler. It writes
 * only when nothing has been written and the error was not reported yet, as Tomcat's own does.
 */
class ContainerErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaTypes.PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.json(StatusProblems.of(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the answer was started another way: there is no one to tell
        }
    }
}
