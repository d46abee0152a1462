package io.agiledunning.cases.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.handover.HandoverSettings;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.inbox.Inbox;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.EventType;
import io.agiledunning.common.events.TenantOffboarded;
import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.common.events.TenantSuspended;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Facts from onboarding: a suspended or offboarded tenant's dunning is put on hold ({@code tenant_dunning_holds}; the engine then
 * claims none of its due cases), a reactivated tenant's hold is lifted and its due cases are worked on the next
 * run. Nothing of the tenant's cases changes. Settings changes bring the creditor's identity and the agency's
 * handover channel ({@link HandoverSettings}) and the tenant's time zone ({@link TenantCalendar}). One tenant's
 * events share a partition (keyed by tenant), so a suspension and the reactivation after it arrive in order; the
 * inbox makes a redelivery harmless.
 */
@ApplicationScoped
public class TenantEventsConsumer {

    static final String CONSUMER = "cases.tenant-holds";
    private static final Logger LOG = Logger.getLogger(TenantEventsConsumer.class);

    private final TenantTransactions transactions;
    private final Inbox inbox;
    private final ObjectMapper json;

    public TenantEventsConsumer(TenantTransactions transactions, Inbox inbox, ObjectMapper json) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("tenants-events")
    public Uni<Void> consume(String message) {
        EventEnvelope event = EventEnvelope.parse(message, json);
        EventType type = EventType.named(event.type()).orElse(null);
        if (type != EventType.TENANT_SUSPENDED && type != EventType.TENANT_REACTIVATED && type != EventType.TENANT_OFFBOARDED
                && type != EventType.TENANT_SETTINGS_CHANGED) {
            return Uni.createFrom().voidItem(); // facts this service does not use
        }
        TenantId tenant = new TenantId(event.tenantId());
        return transactions.inTransaction(tenant, session -> inbox.firstDelivery(session, CONSUMER, event)
                .chain(first -> {
                    if (!first) {
                        return Uni.createFrom().voidItem();
                    }
                    return switch (type) {
                        case TENANT_SUSPENDED -> hold(session, tenant, "tenant suspended: " + event.payloadAs(TenantSuspended.class, json).reason(), event);
                        case TENANT_OFFBOARDED -> hold(session, tenant, "tenant offboarded: " + event.payloadAs(TenantOffboarded.class, json).reason(), event);
                        case TENANT_SETTINGS_CHANGED -> settingsChanged(session, tenant, event);
                        default -> lift(session, tenant);
                    };
                }));
    }

    private Uni<Void> settingsChanged(Mutiny.Session session, TenantId tenant, EventEnvelope event) {
        TenantSettingsChanged settings = event.payloadAs(TenantSettingsChanged.class, json);
        return HandoverSettings.apply(session, tenant, settings, event.occurredAt())
                .call(() -> TenantCalendar.apply(session, tenant, settings, event.occurredAt()));
    }

    private static Uni<Void> hold(Mutiny.Session session, TenantId tenant, String reason, EventEnvelope event) {
        return session.createNativeQuery("""
                        insert into tenant_dunning_holds (tenant_id, reason, since) values (:tenant, :reason, :since)
                        on conflict (tenant_id) do update set reason = excluded.reason""")
                .setParameter("tenant", tenant.value())
                .setParameter("reason", reason)
                .setParameter("since", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .executeUpdate()
                .invoke(() -> LOG.infof("Tenant %s: dunning on hold (%s)", tenant.value(), reason))
                .replaceWithVoid();
    }

    private static Uni<Void> lift(Mutiny.Session session, TenantId tenant) {
        return session.createNativeQuery("delete from tenant_dunning_holds where tenant_id = :tenant")
                .setParameter("tenant", tenant.value())
                .executeUpdate()
                .invoke(() -> LOG.infof("Tenant %s reactivated: dunning resumes", tenant.value()))
                .replaceWithVoid();
    }
}
