package io.agiledunning.cases.imports;

import io.agiledunning.cases.placement.PlaceClaim;

import java.util.List;

/** One row of an import file: a normalized, valid placement, or the errors that reject it. */
public record ParsedRow(long row, PlaceClaim placement, List<RowError> errors) {

    public static ParsedRow valid(long row, PlaceClaim placement) {
        return new ParsedRow(row, placement, List.of());
    }

    public static ParsedRow rejected(long row, List<RowError> errors) {
        return new ParsedRow(row, null, List.copyOf(errors));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
