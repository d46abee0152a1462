package io.agiledunning.cases.repository;

import io.agiledunning.cases.Debtor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Optional;
import java.util.UUID;

/** Tenant-restricted like {@link CaseRepository}: by the tenant filter and row-level security. */
@ApplicationScoped
public class DebtorRepository {

    public Uni<Debtor> persist(Mutiny.Session session, Debtor debtor) {
        return session.persist(debtor).replaceWith(debtor);
    }

    public Uni<Optional<Debtor>> findById(Mutiny.Session session, UUID id) {
        return one(session, "id", id, LockMode.NONE);
    }

    /**
     * The debtor to be changed, locked until the transaction ends: changes of one debtor — a placement, opt-outs,
     * attributes, a restriction, its erasure — happen one after the other, so none writes back data another one (an
     * erasure above all) has just replaced.
     */
    public Uni<Optional<Debtor>> findForChange(Mutiny.Session session, UUID id) {
        return one(session, "id", id, LockMode.PESSIMISTIC_WRITE);
    }

    /**
     * The debtor a placement names, locked like {@link #findForChange}. One erased meanwhile no longer carries the
     * reference and is not found: the placement creates a new debtor.
     */
    public Uni<Optional<Debtor>> findByExternalReferenceForChange(Mutiny.Session session, String externalReference) {
        return one(session, "externalReference", externalReference, LockMode.PESSIMISTIC_WRITE);
    }

    private static Uni<Optional<Debtor>> one(Mutiny.Session session, String field, Object value, LockMode lock) {
        return session.createSelectionQuery("from Debtor where " + field + " = :value", Debtor.class)
                .setParameter("value", value)
                .setLockMode(lock)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }
}
