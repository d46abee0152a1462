package io.agiledunning.payments.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.inbox.Inbox;
import io.agiledunning.common.events.DebtorRecordsDeleted;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.EventType;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.payments.repository.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows cases when the retention of an erased debtor's records has ended ({@link DebtorRecordsDeleted}): the payments
 * recorded for the debtor's cases are the same vouchers cases kept until then, and go with them. The erasure itself
 * ({@code DebtorErased}) leaves payments as they are: a payment holds no personal data of the debtor, only the case,
 * amount, method, day and the tenant's reference — what the books need (docs/payments.md, "Data protection").
 */
@ApplicationScoped
public class DebtorRecordsConsumer {

    static final String CONSUMER = "payments.debtor-records";
    private static final Logger LOG = Logger.getLogger(DebtorRecordsConsumer.class);

    private final TenantTransactions transactions;
    private final Inbox inbox;
    private final PaymentRepository payments;
    private final ObjectMapper json;

    public DebtorRecordsConsumer(TenantTransactions transactions, Inbox inbox, PaymentRepository payments, ObjectMapper json) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.payments = payments;
        this.json = json;
    }

    @Incoming("cases-events")
    public Uni<Void> consume(String message) {
        EventEnvelope event = EventEnvelope.parse(message, json);
        if (EventType.named(event.type()).orElse(null) != EventType.DEBTOR_RECORDS_DELETED) {
            return Uni.createFrom().voidItem(); // facts this service does not use
        }
        TenantId tenant = new TenantId(event.tenantId());
        DebtorRecordsDeleted deleted = event.payloadAs(DebtorRecordsDeleted.class, json);
        return transactions.inTransaction(tenant, session -> inbox.firstDelivery(session, CONSUMER, event)
                .chain(first -> first
                        ? payments.deleteOfCases(session, deleted.caseIds()).invoke(rows -> LOG.infof(
                                "Tenant %s: deleted %d payments of erased debtor %s (retained until %s)", tenant.value(), rows,
                                deleted.debtorId(), deleted.retainedUntil())).replaceWithVoid()
                        : Uni.createFrom().voidItem()));
    }
}
