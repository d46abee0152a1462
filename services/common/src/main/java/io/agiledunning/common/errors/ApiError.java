package io.agiledunning.common.errors;

import java.util.List;

/** The body of every REST error response. */
public record ApiError(ErrorCode code, String message, List<FieldError> fields) {

    public ApiError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
