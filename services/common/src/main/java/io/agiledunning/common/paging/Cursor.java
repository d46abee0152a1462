package io.agiledunning.common.paging;

import io.agiledunning.common.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset position: the (created-at, id) of the last row a client saw. Stable under inserts,
 * unlike offsets, and cheap on the {@code (tenant_id, created_at, id)} index.
 */
public record Cursor(Instant createdAt, UUID id) {

    public String encode() {
        String raw = createdAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ApiException VALIDATION naming the field when the cursor was not made by {@link #encode()} */
    public static Cursor decode(String field, String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.invalid(field, "not a cursor returned by this API");
        }
    }
}
