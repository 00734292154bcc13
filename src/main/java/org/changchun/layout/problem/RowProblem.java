package org.changchun.layout.problem;

/**
 * What is wrong with one row of a table someone sent (an uploaded CSV, or an item of a JSON list).
 *
 * @param line   the row's line in the file (the header is line 1), or the item's position (from 1)
 * @param column the column the problem is in, as the file names it, or null for the whole row
 */
public record RowProblem(int line, String column, String messageZh, String messageEn) {
}
