package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.dunning.DunningSchedule;
import io.agiledunning.cases.dunning.StrategyRef;
import io.agiledunning.cases.dunning.config.DunningConfig;
import io.agiledunning.cases.dunning.engine.Decision;
import io.agiledunning.cases.dunning.engine.DunningDecider;
import io.agiledunning.cases.dunning.engine.DunningPreview;
import io.agiledunning.cases.dunning.engine.PlannedAction;
import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.dunning.segment.Assignment;
import io.agiledunning.cases.dunning.segment.SegmentFacts;
import io.agiledunning.cases.dunning.segment.Segmentation;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.CaseLifecycle;
import io.agiledunning.cases.lifecycle.Refusal;
import io.agiledunning.cases.lifecycle.Transition;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.cases.service.CaseService;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.events.ContactBlocked;
import io.agiledunning.common.events.ContactRequested;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.common.tenancy.TenantId;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The dunning engine: claims due cases from the {@link DueIndex} in batches, works each in a transaction bound to
 * its tenant — decide ({@link DunningDecider}), take lifecycle steps through {@link CaseLifecycle}, emit contacts
 * through the outbox with an idempotency key, record blocks on the timeline — and reschedules it. Any number of
 * replicas may run it side by side (docs/adr/0008-dunning-engine.md).
 */
@ApplicationScoped
public class DunningEngine {

    private static final Logger LOG = Logger.getLogger(DunningEngine.class);
    static final String ACTOR = "dunning-engine";
    /** Lifecycle steps and contacts taken in one go for one case before it must wait (start, contact, …). */
    private static final int MAX_STEPS_PER_DECISION = 6;
    private static final Duration MIN_DELAY = Duration.ofMinutes(1);

    private final TenantTransactions transactions;
    private final DueIndex dueIndex;
    private final StrategyCatalog catalog;
    private final CaseRepository cases;
    private final DebtorRepository debtors;
    private final CaseService caseService;
    private final Outbox outbox;
    private final Clock clock;
    private final DunningConfig config;
    private final ObjectMapper json;
    private final String instanceId = "engine-" + UUID.randomUUID();
    private final ContactPolicy policy = ContactPolicy.GERMAN_DEFAULT;

    public DunningEngine(TenantTransactions transactions, DueIndex dueIndex, StrategyCatalog catalog, CaseRepository cases,
                         DebtorRepository debtors, CaseService caseService, Outbox outbox, Clock clock, DunningConfig config,
                         ObjectMapper json) {
        this.transactions = transactions;
        this.dueIndex = dueIndex;
        this.catalog = catalog;
        this.cases = cases;
        this.debtors = debtors;
        this.caseService = caseService;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.json = json;
    }

    @Scheduled(every = "${agiledunning.dunning.interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DunningSchedulerDisabled.class)
    void runOnSchedule() {
        try {
            runOnce(instanceId);
        } catch (RuntimeException e) {
            LOG.warnf("Dunning run stopped until the next one: %s", e.getMessage());
        }
    }

    /**
     * Works every case due now, batch by batch, as replica {@code owner}. Blocking; not on an event-loop thread.
     *
     * @return how many cases were decided
     */
    public RunResult runOnce(String owner) {
        return runOnce(owner, () -> true);
    }

    /**
     * As {@link #runOnce(String)}, stopping dead when {@code alive} turns false: cases already claimed but not yet
     * started stay leased to {@code owner}, as if the process had been killed (tests and chaos drills).
     */
    public RunResult runOnce(String owner, java.util.function.BooleanSupplier alive) {
        Instant now = clock.instant();
        int decided = 0;
        int skipped = 0;
        ExecutorService workers = Executors.newFixedThreadPool(config.concurrency());
        try {
            List<DueCase> claimed;
            do {
                if (!alive.getAsBoolean()) {
                    break;
                }
                claimed = claim(owner, now, config.batchSize());
                RunResult batch = process(owner, claimed, now, workers, alive);
                decided += batch.decided();
                skipped += batch.skipped();
            } while (!claimed.isEmpty() && alive.getAsBoolean());
        } finally {
            workers.shutdownNow();
        }
        return new RunResult(decided, skipped);
    }

    /** Claims a batch for {@code owner} with a lease of the configured length. Blocking. */
    public List<DueCase> claim(String owner, Instant now, int limit) {
        return dueIndex.claim(owner, now, now.plus(config.lease()), limit).await().atMost(Duration.ofMinutes(1));
    }

    /** Works claimed cases, each in its own tenant transaction; a failure leaves that case to be retried after its lease. */
    private RunResult process(String owner, List<DueCase> claimed, Instant now, ExecutorService workers,
                              java.util.function.BooleanSupplier alive) {
        List<Future<Boolean>> results = new ArrayList<>();
        for (DueCase due : claimed) {
            results.add(workers.submit(() -> {
                if (!alive.getAsBoolean()) {
                    return false;
                }
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> work(owner, due, now));
                } catch (Throwable e) {
                    throw new IllegalStateException(rootMessage(e), e);
                }
            }));
        }
        int decided = 0;
        int skipped = 0;
        for (int i = 0; i < results.size(); i++) {
            try {
                if (results.get(i).get()) {
                    decided++;
                } else {
                    skipped++;
                }
            } catch (Exception e) {
                skipped++;
                LOG.warnf("Case %s not decided, retried after its lease: %s", claimed.get(i).caseId(), rootMessage(e));
            }
        }
        return new RunResult(decided, skipped);
    }

    /** @return false if the lease was lost (another replica has the case) */
    Uni<Boolean> work(String owner, DueCase due, Instant now) {
        return transactions.inTransaction(due.tenant(), session -> dueIndex.fence(session, due.caseId(), owner, now)
                .chain(held -> held ? load(session, due, now, true).chain(work -> work == null
                        ? dueIndex.reschedule(session, due.caseId(), null).replaceWith(true)
                        : decide(work, 0).replaceWith(true)) : Uni.createFrom().item(false)));
    }

    /**
     * The case's dunning as it stands and the next {@code count} actions the engine would take if every contact goes
     * out and the debtor does not react. @throws ApiException NOT_FOUND for a missing or another tenant's case
     */
    public Uni<CasePlan> plan(TenantContext caller, UUID caseId, int count) {
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> load(session, new DueCase(caseId, caller.tenantId(), now), now, false))
                .map(work -> {
                    if (work == null) {
                        throw ApiException.notFound("case", caseId);
                    }
                    work.observe();
                    List<PlannedAction> next = work.dataProtectionStop().isPresent() ? List.of()
                            : DunningPreview.next(count, work.facts(), work.strategy, work.progress, work.recipient(), policy, now);
                    DunningSchedule s = work.schedule;
                    return new CasePlan(caseId, s.strategy().key(), s.strategy().version(), s.strategy().builtIn(), s.segmentKey(),
                            s.controlGroup(), s.nextActionAt(), s.lastDecidedAt(), s.lastReasons(), s.lastBlocked(), next);
                });
    }

    private Uni<CaseWork> load(Mutiny.Session session, DueCase due, Instant now, boolean persistNewSchedule) {
        return cases.findById(session, due.caseId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            Case c = found.get();
            Uni<io.agiledunning.cases.Debtor> debtor = c.debtorId() == null ? Uni.createFrom().nullItem()
                    : debtors.findById(session, c.debtorId()).map(d -> d.orElse(null));
            return debtor.chain(d -> oldestDueDate(session, c.id()).chain(oldestDue -> contacts(session, c, now)
                    .chain(contacts -> schedule(session, due.tenant(), c, d, oldestDue, now, persistNewSchedule)
                            .chain(schedule -> catalog.strategy(session, due.tenant(), schedule.strategy())
                                    .map(strategy -> new CaseWork(session, due.tenant(), c, d, schedule, strategy, oldestDue,
                                            contacts, now, policy))))));
        });
    }

    private Uni<DunningSchedule> schedule(Mutiny.Session session, TenantId tenant, Case c, io.agiledunning.cases.Debtor debtor,
                                          LocalDate oldestDue, Instant now, boolean persist) {
        return session.find(DunningSchedule.class, c.id()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            LocalDate today = now.atZone(policy.defaultZone()).toLocalDate();
            SegmentFacts facts = new SegmentFacts(c.id(), debtor == null ? DebtorKind.CONSUMER : debtor.kind(), c.outstanding(),
                    oldestDue == null ? 0 : ChronoUnit.DAYS.between(oldestDue, today),
                    debtor == null ? null : GermanState.parse(debtor.germanState()).orElse(null), Map.of());
            return catalog.segments(session).chain(segments -> {
                Assignment assignment = Segmentation.assign(segments, facts);
                Uni<StrategyRef> ref = assignment.strategyKey() == null ? Uni.createFrom().item(StrategyCatalog.BUILT_IN_REF)
                        : catalog.latestPublished(session, assignment.strategyKey())
                        .map(v -> v.map(version -> version.ref()).orElse(StrategyCatalog.BUILT_IN_REF));
                return ref.chain(r -> {
                    DunningSchedule created = DunningSchedule.start(tenant, c.id(), r, assignment.segmentKey(), assignment.controlGroup(), now);
                    return persist ? session.persist(created).replaceWith(created) : Uni.createFrom().item(created);
                });
            });
        });
    }

    private Uni<Void> decide(CaseWork work, int steps) {
        work.observe();
        Optional<String> stop = work.dataProtectionStop();
        Decision decision = steps >= MAX_STEPS_PER_DECISION
                ? new Decision.Wait(work.now.plus(Duration.ofHours(1)), true, List.of("engine: too many steps at once, continued in an hour"))
                : stop.isPresent()
                ? new Decision.Wait(DunningDecider.at(work.today().plusDays(1), work.recipient(), policy), true, List.of(stop.get()))
                : DunningDecider.decide(work.facts(), work.strategy, work.progress, work.recipient(), policy, work.now);
        return switch (decision) {
            case Decision.Contact contact -> contact(work, contact).chain(() -> decide(work, steps + 1));
            case Decision.Command command -> command(work, command).chain(taken -> taken ? decide(work, steps + 1)
                    : await(work, new Decision.Wait(work.now.plus(Duration.ofDays(1)), true,
                    List.of("the case refused to " + command.command().action() + " it"))));
            case Decision.Wait wait -> await(work, wait);
            case Decision.Finished finished -> {
                work.schedule.take(work.progress);
                work.schedule.decided(finished.reasons(), false, null, work.now);
                yield dueIndex.reschedule(work.session, work.theCase.id(), null);
            }
        };
    }

    private Uni<Void> contact(CaseWork work, Decision.Contact contact) {
        Case c = work.theCase;
        StrategyRef ref = work.schedule.strategy();
        String key = "%s:%s:%d".formatted(c.id(), contact.step().key(), contact.sequence());
        ContactRequested event = new ContactRequested(c.id(), c.debtorId(), key, ref.key(), ref.version(), contact.step().key(),
                contact.sequence(), contact.channel().channel().name(), contact.channel().template(), contact.step().tone().name(),
                contact.fee(), contact.step().offers().stream().map(Enum::name).sorted().toList(), contact.reasons());
        return work.session.createNativeQuery("""
                        insert into dunning_contacts (id, tenant_id, case_id, debtor_id, idempotency_key, step_key, sequence, channel,
                                                      template, requested_at)
                        values (:id, :tenant, :caseId, :debtorId, :key, :step, :sequence, :channel, :template, :at)
                        on conflict (tenant_id, idempotency_key) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("tenant", work.tenant.value())
                .setParameter("caseId", c.id())
                .setParameter("debtorId", c.debtorId())
                .setParameter("key", key)
                .setParameter("step", contact.step().key())
                .setParameter("sequence", contact.sequence())
                .setParameter("channel", contact.channel().channel().name())
                .setParameter("template", contact.channel().template())
                .setParameter("at", DueIndex.utc(work.now))
                .executeUpdate()
                .chain(inserted -> {
                    work.progress = work.progress.contacted(work.today(), contact.step().isReaction());
                    work.contacts.add(work.now);
                    if (inserted == 0) {
                        LOG.infof("Contact %s was requested before; not emitted again", key);
                        return Uni.createFrom().voidItem();
                    }
                    return timeline(work, "ContactRequested", String.join("; ", contact.reasons()), event)
                            .chain(() -> outbox.append(work.session, work.tenant, c.id(), event, key))
                            .replaceWithVoid();
                });
    }

    /** @return whether the lifecycle took the step */
    private Uni<Boolean> command(CaseWork work, Decision.Command command) {
        CaseCommand cmd = command.command();
        return switch (CaseLifecycle.apply(work.theCase.status(), cmd, work.today())) {
            case Refusal refusal -> {
                LOG.warnf("Case %s refused the engine's %s: %s", work.theCase.id(), cmd.action(), refusal.message());
                yield Uni.createFrom().item(false);
            }
            case Transition transition -> {
                if (cmd instanceof CaseCommand.StartDunning) {
                    work.progress = work.progress.started(work.today());
                }
                yield caseService.record(work.session, engine(work.tenant), work.theCase, transition, cmd, work.now, null)
                        .replaceWith(true)
                        .onFailure(ApiException.class).recoverWithItem(refused -> {
                            // e.g. a handover refused for a time-barred claim: the case waits for the tenant.
                            LOG.warnf("Case %s refused the engine's %s: %s", work.theCase.id(), cmd.action(), refused.getMessage());
                            return false;
                        });
            }
        };
    }

    private Uni<Void> await(CaseWork work, Decision.Wait wait) {
        work.schedule.take(work.progress);
        Instant next = wait.until().isAfter(work.now.plus(MIN_DELAY)) ? wait.until() : work.now.plus(MIN_DELAY);
        boolean changed = work.schedule.decided(wait.reasons(), wait.blocked(), next, work.now);
        Uni<Void> recorded = Uni.createFrom().voidItem();
        if (wait.blocked() && changed) {
            ContactBlocked event = new ContactBlocked(work.theCase.id(), wait.reasons(), next);
            recorded = timeline(work, "ContactBlocked", String.join("; ", wait.reasons()), event)
                    .chain(() -> outbox.append(work.session, work.tenant, work.theCase.id(), event, null))
                    .replaceWithVoid();
        }
        return recorded.chain(() -> dueIndex.reschedule(work.session, work.theCase.id(), next));
    }

    private Uni<CaseEvent> timeline(CaseWork work, String type, String reason, DomainEvent event) {
        return cases.append(work.session, CaseEvent.record(work.tenant, work.theCase.id(), type, work.theCase.status(),
                work.theCase.status(), reason, data(event), ACTOR, work.now));
    }

    private static Uni<LocalDate> oldestDueDate(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("select min(dueDate) from Claim where caseId = :caseId", LocalDate.class)
                .setParameter("caseId", caseId)
                .getSingleResultOrNull();
    }

    /** Contacts of the case's debtor (all channels) within the frequency-cap window. */
    private Uni<List<Instant>> contacts(Mutiny.Session session, Case c, Instant now) {
        return session.createNativeQuery("""
                        select requested_at from dunning_contacts
                        where (case_id = :caseId or debtor_id = :debtorId) and requested_at > :since""", java.time.OffsetDateTime.class)
                .setParameter("caseId", c.id())
                .setParameter("debtorId", c.debtorId())
                .setParameter("since", DueIndex.utc(now.minus(policy.window())))
                .getResultList()
                .map(rows -> rows.stream().map(java.time.OffsetDateTime::toInstant).toList());
    }

    private static TenantContext engine(TenantId tenant) {
        return new TenantContext(tenant, null, ACTOR, Set.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(DomainEvent event) {
        return json.convertValue(event, Map.class);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    public String instanceId() {
        return instanceId;
    }

    /** @param skipped lease lost or failed; retried after the lease */
    public record RunResult(int decided, int skipped) {
    }

}
