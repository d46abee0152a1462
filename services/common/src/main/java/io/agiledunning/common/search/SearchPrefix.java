package io.agiledunning.common.search;

import io.agiledunning.common.errors.FieldError;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a text search (docs/cases.md, "Queries"): a case-insensitive prefix of at least {@link #MIN_LENGTH}
 * characters. A shorter one would match a large share of a tenant's search terms and make the query scan the tenant's
 * cases instead of seeking, so it is refused, by the cases service (REST {@code q}) and by the GraphQL API
 * ({@code search}) before the service is called.
 */
public final class SearchPrefix {

    public static final int MIN_LENGTH = 2;

    private SearchPrefix() {
    }

    /** The prefix as searched (stripped, lower-cased), empty for no search (absent or blank). */
    public static Optional<String> normalized(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip().toLowerCase(Locale.ROOT));
    }

    /** Why {@code text} cannot be searched, named {@code field}; empty when it can (or is no search). */
    public static Optional<FieldError> refusal(String text, String field) {
        return normalized(text)
                .filter(prefix -> prefix.codePointCount(0, prefix.length()) < MIN_LENGTH)
                .map(prefix -> new FieldError(field, "must have at least %d characters, got '%s'".formatted(MIN_LENGTH, prefix)));
    }
}
