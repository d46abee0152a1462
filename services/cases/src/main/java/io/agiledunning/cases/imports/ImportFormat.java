package io.agiledunning.cases.imports;

import io.agiledunning.common.errors.ApiException;

import java.util.Locale;

/** The file formats an import accepts, by the upload's content type. */
public enum ImportFormat {
    CSV("text/csv"),
    JSON_LINES("application/x-ndjson");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** @throws ApiException VALIDATION for any other content type */
    public static ImportFormat ofContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (ImportFormat format : values()) {
            if (format.mediaType.equals(type)) {
                return format;
            }
        }
        throw ApiException.invalid("Content-Type", "must be text/csv or application/x-ndjson, got '%s'".formatted(contentType));
    }
}
