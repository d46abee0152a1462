package io.agiledunning.cases.repository;

import io.agiledunning.cases.payment.AllocationEntry;
import io.agiledunning.cases.payment.CasePayment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/** A case's recorded payments and their stored allocations; tenant-restricted like {@link CaseRepository}. */
@ApplicationScoped
public class PaymentRepository {

    /** A payment with its allocation lines in order. */
    public record Allocated(CasePayment payment, List<AllocationEntry> lines) {
    }

    public Uni<Void> persist(Mutiny.Session session, CasePayment payment, List<AllocationEntry> lines) {
        return session.persist(payment).chain(() -> session.persistAll(lines.toArray()));
    }

    /** The case's payments, oldest first (by day, then by payment id), each with its lines. */
    public Uni<List<Allocated>> ofCase(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("from CasePayment where caseId = :caseId order by paidOn, paymentId", CasePayment.class)
                .setParameter("caseId", caseId)
                .getResultList()
                .chain(payments -> session.createSelectionQuery(
                                "from AllocationEntry where caseId = :caseId order by casePaymentId, lineNo", AllocationEntry.class)
                        .setParameter("caseId", caseId)
                        .getResultList()
                        .map(lines -> payments.stream().map(p -> new Allocated(p, lines.stream()
                                .filter(l -> l.casePaymentId().equals(p.id())).toList())).toList()));
    }
}
