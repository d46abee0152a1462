package io.agiledunning.cases.imports;

/**
 * Why one row of an import was rejected. {@code row}: the record's number in the file (CSV: the header is row 1,
 * as in a spreadsheet; JSON Lines: the line number); {@code field}: the column as the file names it, or the
 * placement field's path ({@code claim.dueDate}) in JSON Lines.
 */
public record RowError(long row, String field, String reason) {
}
