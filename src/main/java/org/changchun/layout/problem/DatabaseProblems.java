package org.changchun.layout.problem;

import java.util.Optional;
import org.changchun.layout.store.DatabaseFailures;
import org.springframework.http.HttpStatus;

/**
 * The answer to a failure of the database, for the exception handler and for the front door,
 * which answers tiles outside Spring MVC: one wording wherever it is met.
 */
public final class DatabaseProblems {

    /** How long a client is asked to wait before trying again when the database is unreachable, in seconds. */
    public static final String RETRY_AFTER = "10";

    private DatabaseProblems() {
    }

    /** The problem a database failure is to the client, or none when the failure is not the database's. */
    public static Optional<ProblemDocument> of(Throwable failure) {
        if (DatabaseFailures.statementTimedOut(failure)) {
            return Optional.of(ProblemDocument.of(HttpStatus.BAD_REQUEST,
                    "查询超时（plan.store.statement-timeout）；请缩小范围或收紧过滤条件",
                    "the query ran longer than plan.store.statement-timeout and was cancelled; ask for less (a smaller "
                            + "bbox, a stricter filter, a smaller page)"));
        }
        if (DatabaseFailures.busy(failure)) {
            return Optional.of(ProblemDocument.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "服务繁忙：请求排队等候超过 plan.store.statement-timeout，请稍后重试",
                    "the service is busy: the request waited its turn longer than plan.store.statement-timeout; "
                            + "please retry shortly"));
        }
        if (DatabaseFailures.unavailable(failure)) {
            return Optional.of(ProblemDocument.of(HttpStatus.SERVICE_UNAVAILABLE, "数据库暂时不可用，请稍后重试",
                    "the database is unreachable for the moment; please retry shortly"));
        }
        return Optional.empty();
    }
}
