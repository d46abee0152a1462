package io.agiledunning.reporting.repository;

import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.reporting.CaseStats;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;

/** Native SQL: the projection is a set of counters, not an aggregate worth mapping. RLS still applies. */
@ApplicationScoped
public class CaseStatsRepository {

    public Uni<Void> addOpenedCase(Mutiny.Session session, TenantId tenant, Money amount, Instant at) {
        return session.createNativeQuery("""
                        insert into tenant_case_stats (tenant_id, currency, cases_opened, amount_placed_minor, updated_at)
                        values (:tenant, :currency, 1, :amount, :at)
                        on conflict (tenant_id, currency) do update
                        set cases_opened = tenant_case_stats.cases_opened + 1,
                            amount_placed_minor = tenant_case_stats.amount_placed_minor + excluded.amount_placed_minor,
                            updated_at = excluded.updated_at""")
                .setParameter("tenant", tenant.value())
                .setParameter("currency", amount.currency().getCurrencyCode())
                .setParameter("amount", amount.minorUnits())
                .setParameter("at", at)
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<List<CaseStats>> findAll(Mutiny.Session session) {
        return session.createNativeQuery(
                        "select cases_opened, amount_placed_minor, currency from tenant_case_stats order by currency", Object[].class)
                .getResultList()
                .map(rows -> rows.stream()
                        .map(row -> new CaseStats(((Number) row[0]).longValue(),
                                Money.ofMinor(((Number) row[1]).longValue(), row[2].toString().trim())))
                        .toList());
    }
}
