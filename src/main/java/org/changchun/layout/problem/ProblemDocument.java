package org.changchun.layout.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem document as the filters that refuse a request before Spring MVC write it
 * (security, body size): the members {@link ProblemHandler} gives every other error, {@code status},
 * {@code error} (the HTTP reason) and {@code message} (Chinese, then English), with
 * {@code instance} only where it is given ({@link #at}). Names are explicit, so any JSON mapper writes the same document.
 *
 * @param detail the message again, as RFC 9457 names it; absent in the body-size refusal
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "error", "message", "message_zh", "message_en"})
public record ProblemDocument(
        @JsonInclude(JsonInclude.Include.NON_NULL) String type,
        String title,
        int status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) String instance,
        String error,
        String message,
        @JsonProperty("message_zh") String messageZh,
        @JsonProperty("message_en") String messageEn) {

    public static ProblemDocument of(HttpStatus status, String messageZh, String messageEn) {
        String message = messageZh + " / " + messageEn;
        return new ProblemDocument("about:blank", status.getReasonPhrase(), status.value(), message, null,
                status.getReasonPhrase(), message, messageZh, messageEn);
    }

    /** The same document without {@code detail}. */
    public ProblemDocument withoutDetail() {
        return new ProblemDocument(type, title, status, null, instance, error, message, messageZh, messageEn);
    }

    /**
     * The document as Spring MVC writes it for a request of this path: naming the path as its
     * {@code instance}, and leaving out the default {@code type} ({@code about:blank}).
     */
    public ProblemDocument asSpringMvcAnswers(String path) {
        return new ProblemDocument("about:blank".equals(type) ? null : type, title, status, detail, path, error, message,
                messageZh, messageEn);
    }
}
