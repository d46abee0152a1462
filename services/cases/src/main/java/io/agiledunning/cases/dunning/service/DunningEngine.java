package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.dunning.DunningSchedule;
import io.agiledunning.cases.dunning.StrategyRef;
import io.agiledunning.cases.dunning.StrategyVersion;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.config.DunningConfig;
import io.agiledunning.cases.dunning.engine.Decision;
import io.agiledunning.cases.dunning.engine.DunningDecider;
import io.agiledunning.cases.dunning.engine.DunningPreview;
import io.agiledunning.cases.dunning.engine.PlannedAction;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.CaseLifecycle;
import io.agiledunning.cases.lifecycle.Refusal;
import io.agiledunning.cases.lifecycle.Transition;
import io.agiledunning.cases.service.CaseService;
import io.agiledunning.cases.service.OnVertxContext;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.events.ContactBlocked;
import io.agiledunning.common.events.ContactRequested;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.common.tenancy.TenantId;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final CaseWorkLoader loader;
    private final CaseService caseService;
    private final Outbox outbox;
    private final Clock clock;
    private final DunningConfig config;
    private final ObjectMapper json;
    private final String instanceId = "engine-" + UUID.randomUUID();

    public DunningEngine(TenantTransactions transactions, DueIndex dueIndex, CaseWorkLoader loader, CaseService caseService, Outbox outbox, Clock clock, DunningConfig config,
                         ObjectMapper json) {
        this.transactions = transactions;
        this.dueIndex = dueIndex;
        this.loader = loader;
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
     * committed (chunks not started, and chunks in flight, which roll back) stay leased to {@code owner}, as if the
     * process had been killed (tests and chaos drills).
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

    /**
     * Works claimed cases in chunks of one tenant's cases, each chunk in one tenant transaction, chunks side by side. A
     * chunk that fails is retried case by case at once (one bad case does not hold back the others); a case that fails
     * on its own is left to be retried after its lease.
     */
    private RunResult process(String owner, List<DueCase> claimed, Instant now, ExecutorService workers,
                              java.util.function.BooleanSupplier alive) {
        List<List<DueCase>> chunks = chunks(claimed, config.chunkSize());
        List<Future<RunResult>> results = new ArrayList<>();
        for (List<DueCase> chunk : chunks) {
            results.add(workers.submit(() -> alive.getAsBoolean() ? workChunk(owner, chunk, now, alive)
                    : new RunResult(0, chunk.size())));
        }
        int decided = 0;
        int skipped = 0;
        for (int i = 0; i < results.size(); i++) {
            try {
                RunResult result = results.get(i).get();
                decided += result.decided();
                skipped += result.skipped();
            } catch (Exception e) {
                skipped += chunks.get(i).size();
                LOG.warnf("A chunk of %d cases was not decided, retried after its lease: %s", chunks.get(i).size(), rootMessage(e));
            }
        }
        return new RunResult(decided, skipped);
    }

    /** Claimed cases grouped by tenant (in claim order), each group cut into chunks of at most {@code size}. */
    static List<List<DueCase>> chunks(List<DueCase> claimed, int size) {
        Map<TenantId, List<DueCase>> byTenant = new java.util.LinkedHashMap<>();
        claimed.forEach(due -> byTenant.computeIfAbsent(due.tenant(), t -> new ArrayList<>()).add(due));
        List<List<DueCase>> chunks = new ArrayList<>();
        for (List<DueCase> cases : byTenant.values()) {
            for (int from = 0; from < cases.size(); from += size) {
                chunks.add(List.copyOf(cases.subList(from, Math.min(cases.size(), from + size))));
            }
        }
        return chunks;
    }

    /** Decides one chunk; if it fails as a whole, each of its cases on its own. */
    RunResult workChunk(String owner, List<DueCase> chunk, Instant now, java.util.function.BooleanSupplier alive) {
        List<UUID> ids = chunk.stream().map(DueCase::caseId).toList();
        try {
            int held = OnVertxContext.await(() -> work(owner, chunk.getFirst().tenant(), ids, now, alive));
            return new RunResult(held, chunk.size() - held);
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Killed) {
                    return new RunResult(0, chunk.size());
                }
            }
            if (chunk.size() == 1) {
                LOG.warnf("Case %s not decided, retried after its lease: %s", chunk.getFirst().caseId(), rootMessage(e));
                return new RunResult(0, 1);
            }
            LOG.warnf("A chunk of %d cases failed (%s); deciding them one by one", chunk.size(), rootMessage(e));
            int decided = 0;
            for (DueCase due : chunk) {
                decided += workChunk(owner, List.of(due), now, alive).decided();
            }
            return new RunResult(decided, chunk.size() - decided);
        }
    }

    /**
     * Decides {@code caseIds} of {@code tenant} in one transaction: the lease fence for all of them (the rows stay
     * locked until commit, so no other replica can claim them meanwhile), one query per table, the decisions in
     * memory in the given order, and the writes as multi-row statements ({@link ChunkWrites}). Cases whose lease was
     * lost are left untouched.
     *
     * @return how many cases were decided (the lease still held)
     */
    Uni<Integer> work(String owner, TenantId tenant, List<UUID> caseIds, Instant now) {
        return work(owner, tenant, caseIds, now, () -> true);
    }

    /** As {@link #work(String, TenantId, List, Instant)}, rolled back if {@code alive} turned false before the commit. */
    private Uni<Integer> work(String owner, TenantId tenant, List<UUID> caseIds, Instant now, java.util.function.BooleanSupplier alive) {
        return transactions.inTransaction(tenant, session -> {
            session.setBatchSize(caseIds.size());
            return dueIndex.fence(session, caseIds, owner, now).chain(held -> held.isEmpty() ? Uni.createFrom().item(0)
                    : loader.load(session, tenant, held, now, true).chain(works -> {
                        ChunkWrites writes = new ChunkWrites(session, tenant, now, outbox, dueIndex, this::data);
                        return Multi.createFrom().iterable(held)
                                .onItem().transformToUniAndConcatenate(id -> {
                                    CaseWork work = works.get(id);
                                    if (work == null) {
                                        writes.reschedule(id, null);
                                        return Uni.createFrom().voidItem();
                                    }
                                    return decide(writes, work, 0);
                                })
                                .collect().last()
                                .chain(() -> writes.flush(works.values()))
                                .invoke(() -> {
                                    if (!alive.getAsBoolean()) {
                                        throw new Killed();
                                    }
                                })
                                .replaceWith(held.size());
                    }));
        });
    }

    /**
     * The case's dunning as it stands and the next {@code count} actions the engine would take if every contact goes
     * out and the debtor does not react — under the case's own strategy, or under the strategy version
     * {@code strategyId} (a draft too) as if the case were moved to it now; the case itself is not changed.
     *
     * @throws ApiException NOT_FOUND for a missing or another tenant's case or strategy version
     */
    public Uni<CasePlan> plan(TenantContext caller, UUID caseId, int count, Optional<UUID> strategyId) {
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> loader.load(session, caller.tenantId(), List.of(caseId), now, false)
                .chain(works -> {
                    CaseWork work = works.get(caseId);
                    if (work == null) {
                        throw ApiException.notFound("case", caseId);
                    }
                    return strategyId.isEmpty() ? Uni.createFrom().item(plan(work, work.schedule.strategy(), work.strategy, count, now))
                            : session.find(StrategyVersion.class, strategyId.get()).map(version -> {
                                if (version == null) {
                                    throw ApiException.notFound("dunning strategy", strategyId.get());
                                }
                                return plan(work, version.ref(), version.strategy(), count, now);
                            });
                }));
    }

    private CasePlan plan(CaseWork work, StrategyRef ref, Strategy strategy, int count, Instant now) {
        work.observe();
        List<PlannedAction> next = work.dataProtectionStop().isPresent() ? List.of()
                : DunningPreview.next(count, work.facts(), strategy, work.progress, work.recipient(), work.policy, now);
        DunningSchedule s = work.schedule;
        return new CasePlan(work.theCase.id(), ref.key(), ref.version(), ref.builtIn(), s.segmentKey(),
                s.controlGroup(), s.nextActionAt(), s.lastDecidedAt(), s.lastReasons(), s.lastBlocked(), next);
    }

    private Uni<Void> decide(ChunkWrites writes, CaseWork work, int steps) {
        work.observe();
        Optional<String> stop = work.dataProtectionStop();
        Decision decision = steps >= MAX_STEPS_PER_DECISION
                ? new Decision.Wait(work.now.plus(Duration.ofHours(1)), true, List.of("engine: too many steps at once, continued in an hour"))
                : stop.isPresent()
                ? new Decision.Wait(DunningDecider.at(work.today().plusDays(1), work.recipient(), work.policy), true, List.of(stop.get()))
                : DunningDecider.decide(work.facts(), work.strategy, work.progress, work.recipient(), work.policy, work.now);
        return switch (decision) {
            case Decision.Contact contact -> {
                contact(writes, work, contact);
                yield decide(writes, work, steps + 1);
            }
            case Decision.Command command -> command(writes, work, command).chain(taken -> taken ? decide(writes, work, steps + 1)
                    : await(writes, work, new Decision.Wait(work.now.plus(Duration.ofDays(1)), true,
                    List.of("the case refused to " + command.command().action() + " it"))));
            case Decision.Wait wait -> await(writes, work, wait);
            case Decision.Finished finished -> {
                work.schedule.take(work.progress);
                work.schedule.decided(finished.reasons(), false, null, work.now);
                writes.reschedule(work.theCase.id(), null);
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private void contact(ChunkWrites writes, CaseWork work, Decision.Contact contact) {
        Case c = work.theCase;
        StrategyRef ref = work.schedule.strategy();
        String key = "%s:%s:%d".formatted(c.id(), contact.step().key(), contact.sequence());
        ContactRequested event = new ContactRequested(c.id(), c.debtorId(), key, ref.key(), ref.version(), contact.step().key(),
                contact.sequence(), contact.channel().channel().name(), contact.channel().template(), contact.step().tone().name(),
                contact.fee(), contact.step().offers().stream().map(Enum::name).sorted().toList(), contact.reasons());
        work.progress = work.progress.contacted(work.today(), contact.step().isReaction());
        work.contacts.add(work.now);
        writes.contact(work, event, String.join("; ", contact.reasons()));
    }

    /** @return whether the lifecycle took the step */
    private Uni<Boolean> command(ChunkWrites writes, CaseWork work, Decision.Command command) {
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
                yield writes.flushEvents()
                        .chain(() -> caseService.record(work.session, engine(work.tenant), work.theCase, transition, cmd, work.now, null))
                        .replaceWith(true)
                        .onFailure(ApiException.class).recoverWithItem(refused -> {
                            // e.g. a handover refused for a time-barred claim: the case waits for the tenant.
                            LOG.warnf("Case %s refused the engine's %s: %s", work.theCase.id(), cmd.action(), refused.getMessage());
                            return false;
                        });
            }
        };
    }

    private Uni<Void> await(ChunkWrites writes, CaseWork work, Decision.Wait wait) {
        work.schedule.take(work.progress);
        Instant next = wait.until().isAfter(work.now.plus(MIN_DELAY)) ? wait.until() : work.now.plus(MIN_DELAY);
        boolean changed = work.schedule.decided(wait.reasons(), wait.blocked(), next, work.now);
        if (wait.blocked() && changed) {
            writes.blocked(work, new ContactBlocked(work.theCase.id(), wait.reasons(), next), String.join("; ", wait.reasons()));
        }
        writes.reschedule(work.theCase.id(), next);
        return Uni.createFrom().voidItem();
    }

    private static TenantContext engine(TenantId tenant) {
        return new TenantContext(tenant, null, ACTOR, Set.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> data(DomainEvent event) {
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

    /** The replica was "killed" (tests, chaos drills): its chunk in flight rolls back and stays leased. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed", null, false, false);
        }
    }

    /** @param skipped lease lost or failed; retried after the lease */
    public record RunResult(int decided, int skipped) {
    }

}
