package io.agiledunning.common.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/** Maps every failure of a REST call to an {@link ApiError} body with the matching status. */
public class RestErrorMappers {

    private static final Logger LOG = Logger.getLogger(RestErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        if (e instanceof RateLimitedException limited) {
            return Response.fromResponse(respond(e.toApiError())).header("Retry-After", limited.retryAfterSeconds()).build();
        }
        return respond(e.toApiError());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return respond(new ApiError(ErrorCode.VALIDATION, "invalid input", fields));
    }

    /** Unreadable JSON, or a value our own types refuse (e.g. a sub-cent amount): say where and why. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        FieldError error = fieldError(e);
        return respond(new ApiError(ErrorCode.VALIDATION, error.field() + ": " + error.reason(), List.of(error)));
    }

    /** Where unreadable JSON went wrong and why, for REST bodies and other JSON input alike (e.g. JSON Lines). */
    public static FieldError fieldError(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "body";
        String reason = switch (e) {
            case ValueInstantiationException refused when refused.getCause() != null -> refused.getCause().getMessage();
            case InvalidFormatException format -> "'%s' is not a valid %s".formatted(format.getValue(), format.getTargetType().getSimpleName());
            case JsonMappingException mapping -> "has the wrong type or shape";
            default -> "is not well-formed JSON";
        };
        return new FieldError(field, reason);
    }

    /** Takes precedence over Quarkus' built-in mapper for this type, whose body has another shape. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return respond(new ApiError(ErrorCode.UNAUTHENTICATED, "a valid access token is required", List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new ApiError(ErrorCode.FORBIDDEN, "your role does not allow this operation", List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable); // Quarkus REST wraps body-reading failures
        }
        int status = e.getResponse().getStatus();
        return respond(new ApiError(ErrorCode.fromHttpStatus(status), e.getResponse().getStatusInfo().getReasonPhrase(), List.of()), status);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(new ApiError(ErrorCode.INTERNAL, "internal error, incident " + incident, List.of()));
    }

    private static Response respond(ApiError error) {
        return respond(error, error.code().httpStatus());
    }

    private static Response respond(ApiError error, int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    /** "placeCase.input.amount" → "amount": the client knows its own input, not our method names. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        return lastDot < 0 ? path : path.substring(lastDot + 1);
    }
}
