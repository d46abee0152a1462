package io.agiledunning.cases.repository;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.common.data.KeysetQueries;
import io.agiledunning.common.paging.Cursor;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queries carry no tenant condition of their own: the tenant filter and row-level security, bound by
 * {@link io.agiledunning.common.data.TenantTransactions}, restrict every one of them.
 */
@ApplicationScoped
public class CaseRepository {

    public Uni<Case> persist(Mutiny.Session session, Case c) {
        return session.persist(c).replaceWith(c);
    }

    public Uni<Optional<Case>> findById(Mutiny.Session session, UUID id) {
        return session.createSelectionQuery("from Case where id = :id", Case.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    public Uni<Optional<Case>> findByExternalReference(Mutiny.Session session, String externalReference) {
        return session.createSelectionQuery("from Case where externalReference = :ref", Case.class)
                .setParameter("ref", externalReference)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    /** Oldest first. */
    public Uni<Page<Case>> list(Mutiny.Session session, PageRequest request) {
        return KeysetQueries.page(session, Case.class, request, c -> new Cursor(c.createdAt(), c.id()));
    }

    /** The debtor's cases, oldest first. */
    public Uni<List<Case>> ofDebtor(Mutiny.Session session, UUID debtorId) {
        return session.createSelectionQuery("from Case where debtorId = :debtorId order by createdAt, id", Case.class)
                .setParameter("debtorId", debtorId)
                .getResultList();
    }

    public Uni<CaseEvent> append(Mutiny.Session session, CaseEvent event) {
        return session.persist(event).replaceWith(event);
    }

    /** The case's timeline, oldest first. */
    public Uni<List<CaseEvent>> timeline(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("from CaseEvent where caseId = :caseId order by occurredAt, id", CaseEvent.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }
}
