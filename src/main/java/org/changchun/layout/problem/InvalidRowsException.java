package org.changchun.layout.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A table with bad rows (400): the problem document lists every one of them in {@code rows}, so
 * the sender can fix them all at once. Nothing of the table is written.
 */
public class InvalidRowsException extends ApiException {

    private final List<RowProblem> rows;

    public InvalidRowsException(String messageZh, String messageEn, List<RowProblem> rows) {
        super(HttpStatus.BAD_REQUEST, messageZh, messageEn);
        this.rows = List.copyOf(rows);
    }

    public List<RowProblem> rows() {
        return rows;
    }
}
