package io.agiledunning.payments.repository;

import io.agiledunning.common.data.KeysetQueries;
import io.agiledunning.common.paging.Cursor;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.payments.Payment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/** The tenant filter and row-level security restrict every query to the caller's tenant. */
@ApplicationScoped
public class PaymentRepository {

    public Uni<Payment> persist(Mutiny.Session session, Payment payment) {
        return session.persist(payment).replaceWith(payment);
    }

    public Uni<List<Payment>> findByCase(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("from Payment where caseId = :caseId order by createdAt, id", Payment.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    /** @return how many payments of those cases were deleted */
    public Uni<Integer> deleteOfCases(Mutiny.Session session, List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return session.createMutationQuery("delete from Payment where caseId in :caseIds")
                .setParameter("caseIds", caseIds)
                .executeUpdate();
    }

    public Uni<Page<Payment>> list(Mutiny.Session session, PageRequest request) {
        return KeysetQueries.page(session, Payment.class, request, p -> new Cursor(p.createdAt(), p.id()));
    }
}
