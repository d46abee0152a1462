package io.agiledunning.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list, the shape Relay connections are built from. */
public record Page<T>(List<T> items, String endCursor, boolean hasNextPage) {

    public static final int MAX_PAGE_SIZE = 100;

    /**
     * @param fetched up to {@code size + 1} rows: the extra row only tells that there is a next page
     */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, Cursor> cursorOf) {
        boolean hasNext = fetched.size() > size;
        List<T> items = hasNext ? fetched.subList(0, size) : fetched;
        String end = items.isEmpty() ? null : cursorOf.apply(items.getLast()).encode();
        return new Page<>(List.copyOf(items), end, hasNext);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), endCursor, hasNextPage);
    }
}
