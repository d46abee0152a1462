package io.agiledunning.cases.query;

import io.agiledunning.common.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position in a sorted case list: the sort (and direction) it belongs to, the last row's sort value
 * (null when the row had none) and its id. A cursor of another sort is refused, not misread.
 */
public record SortCursor(String order, String value, UUID id) {

    private static final String NONE = "~";

    public String encode() {
        String raw = order + "|" + (value == null ? NONE : value) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ApiException VALIDATION on {@code after} for a cursor not made by {@link #encode()} for this order */
    public static SortCursor decode(String encoded, String order) {
        SortCursor cursor;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            cursor = new SortCursor(parts[0], NONE.equals(parts[1]) ? null : parts[1], UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ApiException.invalid("after", "not a cursor returned by this API");
        }
        if (!cursor.order.equals(order)) {
            throw ApiException.invalid("after", "a cursor of the order %s cannot continue the order %s".formatted(cursor.order, order));
        }
        return cursor;
    }
}
