package io.agiledunning.reporting.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.inbox.Inbox;
import io.agiledunning.common.events.CaseOpened;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.EventType;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.reporting.repository.CaseStatsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Applies facts from the cases context to the reporting projections. Each event is applied in the
 * tenant's transaction together with its inbox entry, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    static final String CONSUMER = "reporting.case-stats";
    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    private final TenantTransactions transactions;
    private final Inbox inbox;
    private final CaseStatsRepository stats;
    private final ObjectMapper json;

    public CaseEventsConsumer(TenantTransactions transactions, Inbox inbox, CaseStatsRepository stats, ObjectMapper json) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.stats = stats;
        this.json = json;
    }

    @Incoming("cases-events")
    public Uni<Void> consume(String message) {
        EventEnvelope event = EventEnvelope.parse(message, json);
        TenantId tenant = new TenantId(event.tenantId());
        return transactions.inTransaction(tenant, session -> inbox.firstDelivery(session, CONSUMER, event)
                .chain(first -> first ? apply(session, tenant, event) : skipDuplicate(event)));
    }

    private Uni<Void> apply(Mutiny.Session session, TenantId tenant, EventEnvelope event) {
        return switch (EventType.named(event.type()).orElse(null)) {
            case CASE_OPENED -> stats.addOpenedCase(session, tenant,
                    event.payloadAs(CaseOpened.class, json).outstanding(), event.occurredAt());
            case null, default -> Uni.createFrom().voidItem(); // facts this projection does not use
        };
    }

    private static Uni<Void> skipDuplicate(EventEnvelope event) {
        LOG.debugf("Event %s (%s) was applied before; ignoring the redelivery", event.eventId(), event.type());
        return Uni.createFrom().voidItem();
    }
}
