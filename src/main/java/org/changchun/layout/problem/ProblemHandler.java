package org.changchun.layout.problem;

import java.util.Optional;
import org.changchun.layout.geo.InvalidFeatureException;
import org.changchun.layout.http.MediaTypes;
import org.changchun.layout.query.InvalidQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem document that also carries the fields the API
 * promises: {@code status}, {@code error} (the HTTP reason) and {@code message} (Chinese, then
 * English). Callers' mistakes get a 4xx; an unreachable database a 503 with Retry-After;
 * anything else is logged and answered with a 500 that reveals no internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> apiException(ApiException e, WebRequest request) {
        ResponseEntity<Object> problem = problem(e.status(), e.messageZh(), e.messageEn());
        if (e instanceof InvalidRowsException table && problem.getBody() instanceof ProblemDetail detail) {
            detail.setProperty("rows", table.rows());
        }
        return e.retryAfterSeconds() == null ? problem : ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaTypes.PROBLEM_JSON).body(problem.getBody());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Object> invalidQuery(InvalidQueryException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.messageZh(), e.messageEn());
    }

    @ExceptionHandler(InvalidFeatureException.class)
    ResponseEntity<Object> invalidFeature(InvalidFeatureException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.messageZh(), e.messageEn());
    }

    /** The HTTP firewall refuses odd request parts (e.g. control characters in a parameter name). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "请求被拒绝：含有不允许的字符", "the request was refused: " + e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "参数“" + e.getName() + "”的值无效",
                "parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "上传文件超过大小上限；大文件请用命令行导入（见 README）",
                "the upload is larger than allowed (spring.servlet.multipart.max-file-size); import big files from "
                        + "the command line (see the README)");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        Optional<ProblemDocument> database = DatabaseProblems.of(e);
        if (database.isPresent()) {
            ProblemDocument problem = database.get();
            if (problem.status() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
                return problem(HttpStatus.valueOf(problem.status()), problem.messageZh(), problem.messageEn());
            }
            log.warn("The store is unreachable answering {}: {}", request.getDescription(false), e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseProblems.RETRY_AFTER)
                    .contentType(MediaTypes.PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, problem.messageZh(), problem.messageEn()).getBody());
        }
        log.error("Unexpected error answering {}", request.getDescription(false), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试",
                "internal error; please retry later");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail) {
            String detailText = detail.getDetail() == null ? "" : detail.getDetail();
            decorate(detail, status, statusTextZh(status), detailText);
        }
        return response;
    }


    private static ResponseEntity<Object> problem(HttpStatusCode status, String messageZh, String messageEn) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, messageZh + " / " + messageEn);
        decorate(detail, status, messageZh, messageEn);
        return ResponseEntity.status(status).contentType(MediaTypes.PROBLEM_JSON).body(detail);
    }

    private static void decorate(ProblemDetail detail, HttpStatusCode status, String messageZh, String messageEn) {
        HttpStatus known = HttpStatus.resolve(status.value());
        detail.setProperty("error", known == null ? String.valueOf(status.value()) : known.getReasonPhrase());
        detail.setProperty("message", messageZh.isEmpty() ? messageEn : messageZh + " / " + messageEn);
        detail.setProperty("message_zh", messageZh);
        detail.setProperty("message_en", messageEn);
    }

    private static String statusTextZh(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求无效";
            case 404 -> "找不到该资源";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所请求的格式";
            case 415 -> "不支持该内容类型";
            default -> "";
        };
    }
}
