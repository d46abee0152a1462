package io.agiledunning.cases.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.errors.RestErrorMappers;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * JSON Lines: each non-blank line is one placement in the shape of {@code POST /api/claims}'s body, so a line
 * is refused with the same field path and reason as that request would be. Rows are line numbers.
 */
final class JsonLinesImportReader implements ImportReader {

    private final ByteRecords lines;
    private final ObjectMapper json;

    JsonLinesImportReader(ByteRecords lines, ObjectMapper json) {
        this.lines = lines;
        this.json = json;
    }

    @Override
    public ParsedRow next() throws IOException {
        ByteRecords.Fields line;
        do {
            line = lines.next();
        } while (line != null && line.encodingError() == null && line.values().getFirst().isBlank());
        if (line == null) {
            return null;
        }
        if (line.encodingError() != null) {
            return ParsedRow.rejected(line.number(), List.of(new RowError(line.number(), "line", line.encodingError())));
        }
        PlaceClaim placement;
        try {
            placement = json.readValue(line.values().getFirst(), PlaceClaim.class);
        } catch (JsonProcessingException e) {
            FieldError error = RestErrorMappers.fieldError(e);
            return ParsedRow.rejected(line.number(), List.of(new RowError(line.number(), error.field(), error.reason())));
        }
        if (placement == null) {
            return ParsedRow.rejected(line.number(), List.of(new RowError(line.number(), "line", "is JSON null, not a placement")));
        }
        return ImportReader.validated(line.number(), placement, Function.identity());
    }

    @Override
    public String fieldName(ImportColumn column) {
        return column.path();
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }
}
