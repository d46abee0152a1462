package io.agiledunning.onboarding.repository;

import io.agiledunning.onboarding.TenantSettings;
import io.agiledunning.onboarding.TenantSettingsChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Optional;

/** One row per tenant; the tenant filter and row-level security pick the caller's. */
@ApplicationScoped
public class TenantSettingsRepository {

    public Uni<Optional<TenantSettings>> find(Mutiny.Session session) {
        return session.createSelectionQuery("from TenantSettings", TenantSettings.class)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    public Uni<TenantSettings> persist(Mutiny.Session session, TenantSettings settings) {
        return session.persist(settings).replaceWith(settings);
    }

    public Uni<Void> record(Mutiny.Session session, List<TenantSettingsChange> changes) {
        return changes.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(changes.toArray());
    }

    public Uni<List<TenantSettingsChange>> changes(Mutiny.Session session, int limit) {
        return session.createSelectionQuery("from TenantSettingsChange c order by c.version desc, c.field", TenantSettingsChange.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
