package io.agiledunning.cases.repository;

import io.agiledunning.cases.Debtor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    public Uni<Optional<Debtor>> findByExternalReference(Mutiny.Session session, String externalReference) {
        return session.createSelectionQuery("from Debtor where externalReference = :ref", Debtor.class)
                .setParameter("ref", externalReference)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }
}
