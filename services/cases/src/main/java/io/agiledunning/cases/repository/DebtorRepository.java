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
        return session.createSelectionQuery("from Debtor where id = :id", Debtor.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    /**
     * The debtor to be changed, locked until the transaction ends: changes of one debtor — a placement, opt-outs,
     * attributes, a restriction, its erasure — happen one after the other, so none writes back data another one (an
     * erasure above all) has just replaced.
     */
    public Uni<Optional<Debtor>> findForChange(Mutiny.Session session, UUID id) {
        return session.createSelectionQuery("from Debtor where id = :id", Debtor.class)
                .setParameter("id", id)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    /**
     * The debtor a placement names, locked like {@link #findForChange}. One erased meanwhile no longer carries the
     * reference and is not found: the placement creates a new debtor.
     */
    public Uni<Optional<Debtor>> findByExternalReferenceForChange(Mutiny.Session session, String externalReference) {
        return session.createSelectionQuery("from Debtor where externalReference = :ref", Debtor.class)
                .setParameter("ref", externalReference)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }
}
