package io.agiledunning.cases.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.service.PaymentAllocationService;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.inbox.Inbox;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.EventType;
import io.agiledunning.common.events.PaymentRecorded;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Facts from the payments context: each {@code PaymentRecorded} is allocated to its case's claims in the tenant's
 * transaction of the event, together with its inbox entry, so a redelivery allocates nothing twice. The tenant is the
 * event's; a payment naming another tenant's case finds no case there.
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    static final String CONSUMER = "cases.payment-allocation";

    private final TenantTransactions transactions;
    private final Inbox inbox;
    private final PaymentAllocationService allocations;
    private final ObjectMapper json;

    public PaymentEventsConsumer(TenantTransactions transactions, Inbox inbox, PaymentAllocationService allocations,
                                 ObjectMapper json) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.allocations = allocations;
        this.json = json;
    }

    @Incoming("payments-events")
    public Uni<Void> consume(String message) {
        EventEnvelope event = EventEnvelope.parse(message, json);
        if (EventType.named(event.type()).orElse(null) != EventType.PAYMENT_RECORDED) {
            return Uni.createFrom().voidItem(); // facts this service does not use
        }
        TenantId tenant = new TenantId(event.tenantId());
        return transactions.inTransaction(tenant, session -> inbox.firstDelivery(session, CONSUMER, event)
                .chain(first -> first
                        ? allocations.allocate(session, tenant, event.payloadAs(PaymentRecorded.class, json), event.correlationId())
                        : Uni.createFrom().voidItem()));
    }
}
