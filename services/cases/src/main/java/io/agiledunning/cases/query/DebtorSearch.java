package io.agiledunning.cases.query;

import io.agiledunning.cases.Debtor;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.paging.Cursor;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Debtor lists, oldest first, keyset-paginated on {@code (created_at, id)}, optionally by text (as {@link CaseQuery}'s
 * {@code text}) and persona. Native SQL restricted by row-level security, leakproof conditions only (see {@link CaseSearch}).
 */
@ApplicationScoped
public class DebtorSearch {

    /** @throws ApiException VALIDATION naming {@code q}, {@code first} or {@code after} */
    public Uni<Page<Debtor>> search(Mutiny.Session session, String text, String persona, PageRequest request) {
        SearchText search = SearchText.parse(text);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (search != null) {
            where.add("d.id in (select t.debtor_id from search_terms t where t.term >= :termFrom and t.term < :termTo)");
            params.put("termFrom", search.from());
            params.put("termTo", search.to());
        }
        if (persona != null && !persona.isBlank()) {
            where.add("d.persona = :persona");
            params.put("persona", persona.strip());
        }
        Cursor after = request.after();
        if (after != null) {
            where.add("(d.created_at > :afterAt or (d.created_at = :afterAt and d.id > :afterId))");
            params.put("afterAt", after.createdAt());
            params.put("afterId", after.id());
        }
        String sql = "select d.* from debtors d" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by d.created_at, d.id";
        var query = session.createNativeQuery(sql, Debtor.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(request.fetchSize()).getResultList()
                .map(rows -> Page.of(rows, request.first(), d -> new Cursor(d.createdAt(), d.id())));
    }
}
