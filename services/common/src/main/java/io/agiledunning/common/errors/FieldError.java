package io.agiledunning.common.errors;

/** Which field of the input is wrong and why, e.g. {@code ("amount", "must not be negative")}. */
public record FieldError(String field, String reason) {
}
