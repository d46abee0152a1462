package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.dunning.DunningSchedule;
import io.agiledunning.cases.dunning.engine.Progress;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.events.ContactRequested;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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
 * and outbox events of the contacts that were new and of the blocks, and finally the cases' schedules and next due
 * instants.
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
            List<Pending> recorded = new ArrayList<>();
            List<Outbox.Pending> events = new ArrayList<>();
            for (Pending p : written) {
                if (p.key() != null && !inserted.contains(p.key())) {
                    LOG.infof("Contact %s was requested before; not emitted again", p.key());
                    continue;
                }
                recorded.add(p);
                events.add(new Outbox.Pending(p.work().theCase.id(), p.event(), p.key()));
            }
            return insertTimeline(recorded).chain(() -> outbox.appendAll(session, tenant, events));
        }).replaceWithVoid();
    }

    /** Writes what is pending, then the schedules of {@code decided} and the next due instants. */
    Uni<Void> flush(Collection<CaseWork> decided) {
        return flushEvents()
                .chain(() -> updateSchedules(List.copyOf(decided)))
                .chain(() -> next.isEmpty() ? Uni.createFrom().voidItem() : dueIndex.reschedule(session, next));
    }

    /** The timeline entries, as {@link CaseEvent#record} would make them (status unchanged, the engine as actor). */
    private Uni<Void> insertTimeline(List<Pending> recorded) {
        if (recorded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < recorded.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:id%1$d, :tenant, :case%1$d, :type%1$d, :status%1$d, :status%1$d, :reason%1$d, cast(cast(:data%1$d as text) as jsonb), :actor, :at)"
                    .formatted(i));
        }
        var insert = session.createNativeQuery("""
                        insert into case_events (id, tenant_id, case_id, type, from_status, to_status, reason, data, actor, occurred_at)
                        values %s""".formatted(rows))
                .setParameter("tenant", tenant.value())
                .setParameter("actor", DunningEngine.ACTOR)
                .setParameter("at", DueIndex.utc(now.truncatedTo(ChronoUnit.MICROS)));
        for (int i = 0; i < recorded.size(); i++) {
            Pending p = recorded.get(i);
            insert.setParameter("id" + i, UUID.randomUUID())
                    .setParameter("case" + i, p.work().theCase.id())
                    .setParameter("type" + i, p.type())
                    .setParameter("status" + i, p.work().theCase.status().name())
                    .setParameter("reason" + i, p.reason())
                    .setParameter("data" + i, new JsonObject(data.apply(p.event())).encode());
        }
        return insert.executeUpdate().replaceWithVoid();
    }

    /** Where each decided case now stands, one statement for the chunk (the schedules are loaded read-only). */
    private Uni<Void> updateSchedules(List<CaseWork> decided) {
        if (decided.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < decided.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append(("(cast(:c%1$d as uuid), cast(:started%1$d as date), cast(:step%1$d as int), "
                    + "cast(:rkind%1$d as text), cast(:ron%1$d as date), cast(:contact%1$d as date), cast(:payment%1$d as date), "
                    + "cast(:sent%1$d as int), cast(:ostatus%1$d as text), cast(:ominor%1$d as bigint), cast(:nextat%1$d as timestamptz), "
                    + "cast(:reasons%1$d as text), cast(:blocked%1$d as boolean), cast(:decided%1$d as timestamptz))").formatted(i));
        }
        var update = session.createNativeQuery("""
                update dunning_schedules s set started_on = v.started_on, next_step = v.next_step, reaction_kind = v.reaction_kind,
                    reaction_on = v.reaction_on, last_contact_on = v.last_contact_on, last_payment_on = v.last_payment_on,
                    contacts_sent = v.contacts_sent, observed_status = v.observed_status,
                    observed_outstanding_minor = v.observed_outstanding_minor, next_action_at = v.next_action_at,
                    last_reasons = v.last_reasons, last_blocked = v.last_blocked, last_decided_at = v.last_decided_at,
                    updated_at = v.last_decided_at
                from (values %s) v(case_id, started_on, next_step, reaction_kind, reaction_on, last_contact_on, last_payment_on,
                                   contacts_sent, observed_status, observed_outstanding_minor, next_action_at, last_reasons,
                                   last_blocked, last_decided_at)
                where s.case_id = v.case_id""".formatted(rows));
        for (int i = 0; i < decided.size(); i++) {
            DunningSchedule s = decided.get(i).schedule;
            Progress progress = s.progress();
            update.setParameter("c" + i, s.caseId())
                    .setParameter("started" + i, progress.startedOn())
                    .setParameter("step" + i, progress.nextStep())
                    .setParameter("rkind" + i, progress.pendingReaction().map(r -> r.kind().name()).orElse(null))
                    .setParameter("ron" + i, progress.pendingReaction().map(Progress.Reaction::on).orElse(null))
                    .setParameter("contact" + i, progress.lastContactOn().orElse(null))
                    .setParameter("payment" + i, progress.lastPaymentOn().orElse(null))
                    .setParameter("sent" + i, progress.contactsSent())
                    .setParameter("ostatus" + i, s.observedStatus())
                    .setParameter("ominor" + i, s.observedOutstandingMinor())
                    .setParameter("nextat" + i, s.nextActionAt() == null ? null : DueIndex.utc(s.nextActionAt()))
                    .setParameter("reasons" + i, String.join("\n", s.lastReasons()))
                    .setParameter("blocked" + i, s.lastBlocked())
                    .setParameter("decided" + i, s.lastDecidedAt() == null ? null : DueIndex.utc(s.lastDecidedAt()));
        }
        return update.executeUpdate().replaceWithVoid();
    }

    /** @return the idempotency keys that were new */
    private Uni<Set<String>> insertContacts(List<Pending> written) {
        List<Pending> contacts = written.stream().filter(p -> p.key() != null).toList();
        if (contacts.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < contacts.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:id%1$d, :tenant, :case%1$d, :debtor%1$d, :key%1$d, :step%1$d, :seq%1$d, :channel%1$d, :template%1$d, :fee%1$d, :at)"
                    .formatted(i));
        }
        var insert = session.createNativeQuery("""
                        insert into dunning_contacts (id, tenant_id, case_id, debtor_id, idempotency_key, step_key, sequence, channel,
                                                      template, fee_minor, requested_at)
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
                    .setParameter("template" + i, event.template())
                    .setParameter("fee" + i, event.fee().minorUnits());
        }
        return insert.getResultList().map(HashSet::new);
    }

    private record Pending(CaseWork work, String type, String reason, DomainEvent event, String key) {
    }
}
