package io.agiledunning.cases.query;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseStatus;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Case lists with {@link CaseQuery}'s filters and order, keyset-paginated ({@link SortCursor}). Native SQL, so the
 * tenant is restricted by row-level security alone (the Hibernate tenant filter does not reach native queries).
 * Every condition uses leakproof comparisons only, so PostgreSQL may use the indexes of V9_1 under row-level
 * security (see that migration and docs/cases.md for the plans on 1M cases).
 */
@ApplicationScoped
public class CaseSearch {

    /** A case of the list, its next planned action (null without one) and its cursor. */
    public record Found(Case found, Instant nextActionAt, String cursor) {
    }

    /** @throws ApiException VALIDATION naming {@code first}, {@code after}, {@code minAmount} or {@code maxAmount} */
    public Uni<Page<Found>> search(Mutiny.Session session, CaseQuery query, int first, String after, LocalDate today) {
        if (first < 1 || first > Page.MAX_PAGE_SIZE) {
            throw ApiException.invalid("first", "must be between 1 and " + Page.MAX_PAGE_SIZE);
        }
        CaseSort sort = query.sort();
        String order = sort.name() + (query.descending() ? ":DESC" : ":ASC");
        SortCursor cursor = after == null || after.isBlank() ? null : SortCursor.decode(after.strip(), order);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!query.statuses().isEmpty()) {
            where.add("k.status in (:statuses)");
            params.put("statuses", query.statuses().stream().map(CaseStatus::name).sorted().toList());
        }
        if (query.currency() != null) {
            where.add("k.currency = :currency");
            params.put("currency", query.currency());
        }
        if (query.minAmount() != null) {
            where.add("k.outstanding_minor >= :minMinor");
            params.put("minMinor", minor("minAmount", query.minAmount(), query.currency()));
        }
        if (query.maxAmount() != null) {
            where.add("k.outstanding_minor <= :maxMinor");
            params.put("maxMinor", minor("maxAmount", query.maxAmount(), query.currency()));
        }
        if (query.minDaysPastDue() != null) {
            where.add("k.oldest_due_date <= :dueBy");
            params.put("dueBy", today.minusDays(query.minDaysPastDue()));
        }
        if (query.maxDaysPastDue() != null) {
            where.add("k.oldest_due_date >= :dueFrom");
            params.put("dueFrom", today.minusDays(query.maxDaysPastDue()));
        }
        if (query.segment() != null) {
            where.add("k.id in (select g.case_id from dunning_schedules g where g.segment_key = :segment)");
            params.put("segment", query.segment());
        }
        if (query.persona() != null) {
            where.add("k.debtor_id in (select p.id from debtors p where p.persona = :persona)");
            params.put("persona", query.persona());
        }
        if (query.text() != null) {
            // The debtors' terms lead to their cases; cases opened without a debtor have terms of their own (V20_1).
            // One semi-join over a union, not an OR of two: an OR cannot drive the query from the terms' index.
            where.add("""
                    k.id in (select c.id from cases c where c.debtor_id in
                                 (select t.debtor_id from search_terms t where t.term >= :termFrom and t.term < :termTo)
                             union all
                             select u.case_id from case_search_terms u where u.term >= :termFrom and u.term < :termTo)""");
            params.put("termFrom", query.text().from());
            params.put("termTo", query.text().to());
        }
        boolean ascending = sort.ascendingColumn(query.descending());
        if (sort.partial()) {
            where.add(sort.column() + " is not null");
        }
        if (cursor != null) {
            // A row comparison, not an OR: PostgreSQL starts the index scan at the cursor instead of filtering up to it.
            where.add("(%s, %s) %s (:afterValue, :afterId)".formatted(sort.column(), sort.id(), ascending ? ">" : "<"));
            params.put("afterValue", parse(sort, cursor.value()));
            params.put("afterId", cursor.id());
        }
        String direction = ascending ? "asc" : "desc";
        String sql = "select k.* from cases k" + sort.join()
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + sort.column() + " " + direction + ", " + sort.id() + " " + direction;
        var nativeQuery = session.createNativeQuery(sql, Case.class);
        params.forEach(nativeQuery::setParameter);
        return nativeQuery.setMaxResults(first + 1).getResultList()
                .chain(rows -> nextActions(session, rows).map(next -> {
                    boolean hasNext = rows.size() > first;
                    List<Found> items = rows.stream().limit(first)
                            .map(c -> new Found(c, next.get(c.id()), new SortCursor(order, value(sort, c, next), c.id()).encode()))
                            .toList();
                    return new Page<>(items, items.isEmpty() ? null : items.getLast().cursor(), hasNext);
                }));
    }

    private static Object parse(CaseSort sort, String value) {
        if (value == null) {
            throw ApiException.invalid("after", "not a cursor returned by this API");
        }
        try {
            return switch (sort) {
                case PLACED_AT, NEXT_ACTION -> Instant.parse(value);
                case AMOUNT -> Long.parseLong(value);
                case DAYS_PAST_DUE -> LocalDate.parse(value);
            };
        } catch (RuntimeException e) {
            throw ApiException.invalid("after", "not a cursor returned by this API");
        }
    }

    private static String value(CaseSort sort, Case c, Map<UUID, Instant> next) {
        Object value = switch (sort) {
            case PLACED_AT -> c.createdAt();
            case AMOUNT -> c.outstandingMinor();
            case DAYS_PAST_DUE -> c.oldestDueDate();
            case NEXT_ACTION -> next.get(c.id());
        };
        return value == null ? null : value.toString();
    }

    private static long minor(String field, BigDecimal amount, String currency) {
        try {
            return new Money(amount, Money.currency(currency)).minorUnits();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, e.getMessage());
        }
    }

    private static Uni<Map<UUID, Instant>> nextActions(Mutiny.Session session, List<Case> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createSelectionQuery("select s.caseId, s.nextActionAt from DunningSchedule s where s.caseId in (:ids)",
                        Object[].class)
                .setParameter("ids", rows.stream().map(Case::id).toList())
                .getResultList()
                .map(found -> {
                    Map<UUID, Instant> next = new HashMap<>();
                    found.stream().filter(row -> row[1] != null).forEach(row -> next.put((UUID) row[0], (Instant) row[1]));
                    return next;
                });
    }
}
