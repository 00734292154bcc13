package org.changchun.layout.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem document for an error known only by its status: those the servlet container
 * answers itself, before the application sees the request (an oversized request line or header,
 * a path that is not valid UTF-8), and those that reach the error page ({@code /error}) with
 * nothing but a status. The messages say what usually causes the status and never echo the
 * container's own text, which may hold internals.
 */
final class StatusProblems {

    private StatusProblems() {
    }

    static ProblemDocument of(int status) {
        return switch (status) {
            case 400 -> document(status, "请求无效：请求行、请求头或路径的编码不合规范（如路径含非 UTF-8 字节或编码的斜杠），或请求行与请求头过大、过多",
                    "bad request: the request line, a header or the path's encoding is malformed (e.g. bytes that are "
                            + "not UTF-8, or an encoded slash, in the path), or the request line and headers are too "
                            + "large or too many");
            case 404 -> document(status, "找不到该资源", "no such resource");
            case 405 -> document(status, "不支持该请求方法", "this method is not allowed here");
            case 408 -> document(status, "请求超时：请求未在时限内到达", "the request did not arrive in time");
            case 413 -> document(status, "请求体过大", "the request body is too large");
            case 414 -> document(status, "请求的 URI 过长", "the request URI is too long");
            case 416 -> document(status, "请求的范围（Range）超出内容", "the requested range lies outside the content");
            case 417 -> document(status, "不支持请求头 Expect 的要求", "the expectation in the Expect header is not supported");
            case 431 -> document(status, "请求头过大", "the request headers are too large");
            case 501 -> document(status, "不支持该请求方法或传输编码", "the method or transfer encoding is not supported");
            case 503 -> document(status, "服务暂时不可用，请稍后重试", "the service is unavailable for the moment; please retry shortly");
            case 505 -> document(status, "不支持该 HTTP 版本，请用 HTTP/1.1", "this HTTP version is not supported; use HTTP/1.1");
            default -> status < 500
                    ? document(status, "请求无法处理（HTTP " + status + "）", "the request cannot be answered (HTTP " + status + ")")
                    : document(status, "服务器内部错误，请稍后重试", "internal error; please retry later");
        };
    }

    private static ProblemDocument document(int status, String messageZh, String messageEn) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known != null) {
            return ProblemDocument.of(known, messageZh, messageEn);
        }
        String message = messageZh + " / " + messageEn;
        String reason = "HTTP " + status;
        return new ProblemDocument("about:blank", reason, status, message, null, reason, message, messageZh, messageEn);
    }
}
