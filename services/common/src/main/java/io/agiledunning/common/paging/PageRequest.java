package io.agiledunning.common.paging;

import io.agiledunning.common.errors.ApiException;

/** A validated request for one page: {@code first} items after an optional cursor. */
public record PageRequest(int first, Cursor after) {

    /** @throws ApiException VALIDATION naming {@code first} or {@code after} */
    public static PageRequest of(int first, String after) {
        if (first < 1 || first > Page.MAX_PAGE_SIZE) {
            throw ApiException.invalid("first", "must be between 1 and " + Page.MAX_PAGE_SIZE);
        }
        return new PageRequest(first, after == null || after.isBlank() ? null : Cursor.decode("after", after));
    }

    /** One row more than asked for tells whether there is a next page. */
    public int fetchSize() {
        return first + 1;
    }
}
