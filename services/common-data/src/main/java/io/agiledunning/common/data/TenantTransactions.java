package io.agiledunning.common.data;

import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * The only way services touch tenant data: a transaction bound to one tenant. Inside it
 * <ul>
 *   <li>{@code app.tenant_id} is set for this transaction only ({@code set_config(..., true)}), which the
 *       row-level-security policies of every tenant table compare against, and</li>
 *   <li>the Hibernate tenant filter is enabled with the same id.</li>
 * </ul>
 * Each call gets its own session unless one is already bound to the current reactive stream.
 */
@ApplicationScoped
public class TenantTransactions {

    private final Mutiny.SessionFactory sessionFactory;

    public TenantTransactions(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public <T> Uni<T> inTransaction(TenantId tenant, Function<Mutiny.Session, Uni<T>> work) {
        return sessionFactory.withTransaction((session, transaction) ->
                bindTenant(session, tenant).chain(() -> work.apply(session)));
    }

    private static Uni<Void> bindTenant(Mutiny.Session session, TenantId tenant) {
        session.enableFilter(TenantScopedEntity.TENANT_FILTER).setParameter("tenantId", tenant.value());
        return session.createNativeQuery("select set_config('app.tenant_id', :tenant, true)")
                .setParameter("tenant", tenant.toString())
                .getSingleResult()
                .replaceWithVoid();
    }
}
