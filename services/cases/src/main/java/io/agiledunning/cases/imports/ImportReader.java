package io.agiledunning.cases.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.cases.placement.PlacementValidation;
import io.agiledunning.common.errors.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Reads an import file row by row, in constant memory, and validates each row with the placement API's rules
 * ({@link PlacementValidation}), so a row is accepted here exactly when {@code POST /api/claims} would accept it.
 */
public interface ImportReader {

    /** @return the next row, or null at the end of the file; @throws FileRejected when the file cannot be read on */
    ParsedRow next() throws IOException;

    /** Bytes of the upload consumed so far (for progress). */
    long bytesRead();

    /** How this file names the column (the CSV header's spelling, the JSON path in JSON Lines), for error reports. */
    String fieldName(ImportColumn column);

    static ImportReader open(ImportFormat format, InputStream in, ObjectMapper json) throws IOException {
        return switch (format) {
            case CSV -> CsvImportReader.open(in);
            case JSON_LINES -> new JsonLinesImportReader(ByteRecords.lines(in), json);
        };
    }

    /** Validates a placement read from row {@code row}; {@code fieldName} says how the file names a field path. */
    static ParsedRow validated(long row, PlaceClaim placement, Function<String, String> fieldName) {
        PlacementValidation.Result result = PlacementValidation.check(placement);
        if (result.valid()) {
            return ParsedRow.valid(row, result.placement());
        }
        List<RowError> errors = result.errors().stream()
                .map((FieldError e) -> new RowError(row, fieldName.apply(e.field()), e.reason()))
                .toList();
        return ParsedRow.rejected(row, errors);
    }
}
