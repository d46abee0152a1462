package io.agiledunning.payments.service;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.events.PaymentRecorded;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.payments.Payment;
import io.agiledunning.payments.PaymentMethod;
import io.agiledunning.payments.repository.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentService {

    private final TenantTransactions transactions;
    private final PaymentRepository payments;
    private final Outbox outbox;
    private final Clock clock;

    public PaymentService(TenantTransactions transactions, PaymentRepository payments, Outbox outbox, Clock clock) {
        this.transactions = transactions;
        this.payments = payments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a payment received outside the platform (e.g. a bank transfer the tenant saw). */
    public Uni<Payment> record(TenantContext caller, UUID caseId, Money amount, PaymentMethod method, LocalDate receivedOn,
                               String reference, List<UUID> designatedClaimIds, String correlationId) {
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            return Uni.createFrom().failure(ApiException.invalid("receivedOn", "must not be in the future"));
        }
        Payment payment;
        try {
            payment = Payment.record(caller.tenantId(), caseId, amount, method, receivedOn, reference, designatedClaimIds,
                    caller.subject(), clock.instant());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ApiException.invalid("amount", e.getMessage()));
        }
        return transactions.inTransaction(caller.tenantId(), session -> payments.persist(session, payment)
                .call(p -> outbox.append(session, caller.tenantId(), p.caseId(),
                        new PaymentRecorded(p.id(), p.caseId(), p.amount(), p.method().name(), p.receivedOn(),
                                p.designatedClaimIds()), correlationId)));
    }

    public Uni<List<Payment>> forCase(TenantContext caller, UUID caseId) {
        return transactions.inTransaction(caller.tenantId(), session -> payments.findByCase(session, caseId));
    }

    public Uni<Page<Payment>> list(TenantContext caller, PageRequest request) {
        return transactions.inTransaction(caller.tenantId(), session -> payments.list(session, request));
    }
}
