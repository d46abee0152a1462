package io.agiledunning.common.errors;

import java.util.List;

/**
 * An error whose message is meant for the caller. Anything else that goes wrong is logged and
 * reported as {@link ErrorCode#INTERNAL} without its message.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> fields;

    public ApiException(ErrorCode code, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    /** The same answer whether the thing does not exist or belongs to another tenant. */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, "%s %s not found".formatted(what, id));
    }

    public static ApiException invalid(String field, String reason) {
        return new ApiException(ErrorCode.VALIDATION, field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    /** VALIDATION naming every field at once; the message is {@code field: reason} of each, joined by {@code "; "}. */
    public static ApiException invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no field errors");
        }
        return new ApiException(ErrorCode.VALIDATION,
                String.join("; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList()), errors);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }

    public ApiError toApiError() {
        return new ApiError(code, getMessage(), fields);
    }
}
