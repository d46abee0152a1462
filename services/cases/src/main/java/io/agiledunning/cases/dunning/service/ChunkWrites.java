package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.CaseEvent;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.events.ContactRequested;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the engine decided for a chunk of one tenant's cases, written in a few multi-row statements instead of
 * statement by statement: the contacts (idempotent on their key), then — in the order decided — the timeline entries
 * and outbox events of the contacts that were new and of the blocks, and finally the cases' next due instants.
 * {@link #flushEvents} runs before any lifecycle step, so a case's events keep their order.
 */
final class ChunkWrites {

    private static final Logger LOG = Logger.getLogger(ChunkWrites.class);

    private final Mutiny.Session session;
    private final TenantId tenant;
    private final Instant now;
    private final Outbox outbox;
    private final DueIndex dueIndex;
    private final Function<DomainEvent, Map<String, Object>> data;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<UUID, Instant> next = new LinkedHashMap<>();

    ChunkWrites(Mutiny.Session session, TenantId tenant, Instant now, Outbox outbox, DueIndex dueIndex,
                Function<DomainEvent, Map<String, Object>> data) {
        this.session = session;
        this.tenant = tenant;
        this.now = now;
        this.outbox = outbox;
        this.dueIndex = dueIndex;
        this.data = data;
    }

    /** A contact to request: recorded and emitted only if its idempotency key is new. */
    void contact(CaseWork work, ContactRequested event, String reason) {
        pending.add(new Pending(work, "ContactRequested", reason, event, event.idempotencyKey()));
    }

    /** A blocked action, recorded with why. */
    void blocked(CaseWork work, DomainEvent event, String reason) {
        pending.add(new Pending(work, "ContactBlocked", reason, event, null));
    }

    /** The case's next due instant; null: it leaves the schedule. */
    void reschedule(UUID caseId, Instant at) {
        next.put(caseId, at);
    }

    Uni<Void> flushEvents() {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Pending> written = List.copyOf(pending);
        pending.clear();
        return insertContacts(written).chain(inserted -> {
            List<CaseEvent> timeline = new ArrayList<>();
            List<Outbox.Pending> events = new ArrayList<>();
            for (Pending p : written) {
                if (p.key() != null && !inserted.contains(p.key())) {
                    LOG.infof("Contact %s was requested before; not emitted again", p.key());
                    continue;
                }
                UUID caseId = p.work().theCase.id();
                timeline.add(CaseEvent.record(tenant, caseId, p.type(), p.work().theCase.status(), p.work().theCase.status(),
                        p.reason(), data.apply(p.event()), DunningEngine.ACTOR, now));
                events.add(new Outbox.Pending(caseId, p.event(), p.key()));
            }
            return session.persistAll(timeline.toArray()).chain(() -> outbox.appendAll(session, tenant, events));
        }).replaceWithVoid();
    }

    Uni<Void> flush() {
        return flushEvents().chain(() -> next.isEmpty() ? Uni.createFrom().voidItem() : dueIndex.reschedule(session, next));
    }

    /** @return the idempotency keys that were new */
    private Uni<Set<String>> insertContacts(List<Pending> written) {
        List<Pending> contacts = written.stream().filter(p -> p.key() != null).toList();
        if (contacts.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < contacts.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:id%1$d, :tenant, :case%1$d, :debtor%1$d, :key%1$d, :step%1$d, :seq%1$d, :channel%1$d, :template%1$d, :at)"
                    .formatted(i));
        }
        var insert = session.createNativeQuery("""
                        insert into dunning_contacts (id, tenant_id, case_id, debtor_id, idempotency_key, step_key, sequence, channel,
                                                      template, requested_at)
                        values %s
                        on conflict (tenant_id, idempotency_key) do nothing
                        returning idempotency_key""".formatted(rows), String.class)
                .setParameter("tenant", tenant.value())
                .setParameter("at", DueIndex.utc(now));
        for (int i = 0; i < contacts.size(); i++) {
            ContactRequested event = (ContactRequested) contacts.get(i).event();
            insert.setParameter("id" + i, UUID.randomUUID())
                    .setParameter("case" + i, event.caseId())
                    .setParameter("debtor" + i, event.debtorId())
                    .setParameter("key" + i, event.idempotencyKey())
                    .setParameter("step" + i, event.stepKey())
                    .setParameter("seq" + i, event.sequence())
                    .setParameter("channel" + i, event.channel())
                    .setParameter("template" + i, event.template());
        }
        return insert.getResultList().map(HashSet::new);
    }

    private record Pending(CaseWork work, String type, String reason, DomainEvent event, String key) {
    }
}
