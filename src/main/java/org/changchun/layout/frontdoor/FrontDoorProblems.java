package org.changchun.layout.frontdoor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.problem.DatabaseProblems;
import org.changchun.layout.problem.ProblemDocument;
import org.changchun.layout.problem.ProblemResponses;
import org.springframework.http.HttpStatus;

/**
 * Problem documents on the front door, which answers outside Spring MVC: the relay's own refusals,
 * and the requests HttpCore's parser refuses before any handler sees them (a malformed request line,
 * a header over the limit), which it would answer with its message as {@code text/plain}. As
 * the last interceptor of the port's processing, it rewrites those into the document every other
 * error of the service is.
 */
final class FrontDoorProblems implements HttpResponseInterceptor {

    private static final ContentType PROBLEM_JSON =
            ContentType.create(MediaTypes.PROBLEM_JSON_VALUE, StandardCharsets.UTF_8);

    static void write(ClassicHttpResponse response, HttpStatus status, String messageZh, String messageEn) {
        write(response, ProblemDocument.of(status, messageZh, messageEn));
    }

    static void write(ClassicHttpResponse response, ProblemDocument problem) {
        response.setCode(problem.status());
        if (problem.status() >= 500) {
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseProblems.RETRY_AFTER);
        }
        // the media type as Spring MVC's problem answers name it, without a charset: JSON is UTF-8
        response.setEntity(new ByteArrayEntity(ProblemResponses.json(problem).getBytes(StandardCharsets.UTF_8),
                ContentType.create(MediaTypes.PROBLEM_JSON_VALUE)));
    }

    @Override
    public void process(HttpResponse response, EntityDetails entity, HttpContext context) throws IOException {
        if (response.getCode() < 400 || !(response instanceof ClassicHttpResponse refusal) || entity == null
                || entity.getContentType() == null || !entity.getContentType().startsWith("text/plain")) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(response.getCode());
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE) {
            write(refusal, status, "请求头过长或过多：每行至多 " + FrontDoor.MAX_HEADER_LINE / 1024 + " KB，至多 "
                    + FrontDoor.MAX_HEADER_COUNT + " 个", "the request's headers are too long or too many: at most "
                    + FrontDoor.MAX_HEADER_LINE / 1024 + " KB a line and " + FrontDoor.MAX_HEADER_COUNT + " headers");
        } else {
            String reason = parserMessage(refusal);
            write(refusal, status == null ? HttpStatus.BAD_REQUEST : status,
                    "请求无法解析，请检查请求行与请求头（" + reason + "）",
                    "the request could not be parsed; check its request line and headers (" + reason + ")");
        }
        // the content interceptor before this one framed the parser's text
        refusal.setHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON.toString());
        refusal.setHeader(HttpHeaders.CONTENT_LENGTH, refusal.getEntity().getContentLength());
    }

    private static String parserMessage(ClassicHttpResponse refusal) throws IOException {
        try {
            return EntityUtils.toString(refusal.getEntity(), StandardCharsets.UTF_8);
        } catch (ParseException e) {
            return e.getMessage();
        }
    }
}
