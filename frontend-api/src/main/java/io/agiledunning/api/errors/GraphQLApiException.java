package io.agiledunning.api.errors;

import io.agiledunning.common.errors.RateLimitedException;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one exception GraphQL clients see. Checked, so SmallRye GraphQL shows its message (unchecked ones
 * become "internal error"); a {@link GraphQLError}, so its {@code code} (and the invalid fields) land in
 * the error's {@code extensions}.
 */
public class GraphQLApiException extends Exception implements GraphQLError {

    private final ErrorCode code;
    private final List<FieldError> fields;
    private final Long retryAfterSeconds;

    public GraphQLApiException(ErrorCode code, String message, List<FieldError> fields) {
        this(code, message, fields, null);
    }

    private GraphQLApiException(ErrorCode code, String message, List<FieldError> fields, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.fields = List.copyOf(fields);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** VALIDATION of one field, its message {@code field: reason}. */
    public static GraphQLApiException invalid(FieldError error) {
        return new GraphQLApiException(ErrorCode.VALIDATION, error.field() + ": " + error.reason(), List.of(error));
    }

    /** RATE_LIMITED with {@code extensions.retryAfterSeconds}. */
    public static GraphQLApiException rateLimited(RateLimitedException limited) {
        return new GraphQLApiException(ErrorCode.RATE_LIMITED, limited.getMessage(), List.of(), limited.retryAfterSeconds());
    }

    public GraphQLApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (!fields.isEmpty()) {
            // SmallRye GraphQL renders extension values as strings: "field: reason; field: reason".
            extensions.put("fields", fields.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; ")));
        }
        if (retryAfterSeconds != null) {
            extensions.put("retryAfterSeconds", retryAfterSeconds);
        }
        return extensions;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }
}
