package io.agiledunning.common.data;

import io.agiledunning.common.paging.Cursor;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * Keyset pagination over entities with {@code createdAt} and {@code id}, oldest first. The tenant filter and
 * row-level security of the surrounding {@link TenantTransactions} transaction restrict the rows.
 */
public final class KeysetQueries {

    private KeysetQueries() {
    }

    public static <T> Uni<Page<T>> page(Mutiny.Session session, Class<T> entity, PageRequest request, Function<T, Cursor> cursorOf) {
        String name = entity.getSimpleName();
        Cursor after = request.after();
        var query = after == null
                ? session.createSelectionQuery("from " + name + " order by createdAt, id", entity)
                : session.createSelectionQuery("from " + name
                                + " where createdAt > :createdAt or (createdAt = :createdAt and id > :id) order by createdAt, id", entity)
                        .setParameter("createdAt", after.createdAt())
                        .setParameter("id", after.id());
        return query.setMaxResults(request.fetchSize()).getResultList()
                .map(rows -> Page.of(rows, request.first(), cursorOf));
    }
}
