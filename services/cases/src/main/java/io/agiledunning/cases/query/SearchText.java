package io.agiledunning.cases.query;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.search.SearchPrefix;

import java.util.ArrayList;
import java.util.List;

/**
 * A text search (REST parameter {@code q}, rule in {@link SearchPrefix}) as the range {@code [from, to)} of search
 * terms: plain comparisons, which PostgreSQL may answer from a btree under row-level security.
 */
public record SearchText(String from, String to) {

    public static final String FIELD = "q";

    /** @return null for no search (absent or blank); a refusal is added to {@code errors} */
    static SearchText parse(String text, List<FieldError> errors) {
        var refusal = SearchPrefix.refusal(text, FIELD);
        if (refusal.isPresent()) {
            errors.add(refusal.get());
            return null;
        }
        return SearchPrefix.normalized(text).map(prefix -> new SearchText(prefix, upperBound(prefix))).orElse(null);
    }

    /** @throws ApiException VALIDATION on {@code q} */
    static SearchText parse(String text) {
        List<FieldError> errors = new ArrayList<>();
        SearchText search = parse(text, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return search;
    }

    /** The smallest text greater than every text starting with {@code prefix} (byte order, collation "C"). */
    private static String upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }
}
