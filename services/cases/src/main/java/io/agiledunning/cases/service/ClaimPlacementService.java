package io.agiledunning.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.CaseLifecycle;
import io.agiledunning.cases.lifecycle.Refusal;
import io.agiledunning.cases.lifecycle.Transition;
import io.agiledunning.cases.placement.ClaimChangeOutcome;
import io.agiledunning.cases.placement.ClaimData;
import io.agiledunning.cases.placement.DebtorData;
import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.cases.placement.PlacementValidation;
import io.agiledunning.cases.placement.PlacementOutcome;
import io.agiledunning.cases.placement.PlacementResult;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.ClaimRepository;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.cases.dunning.service.DueIndex;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.UniqueViolation;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.CaseOpened;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Places claims by API, idempotent on the tenant's external references of debtor and claim, in one tenant
 * transaction per placement:
 * <ul>
 *   <li>the debtor is found by its reference and updated if its data changed, or created;</li>
 *   <li>a known claim with the same data is {@link PlacementOutcome#UNCHANGED} (nothing written, no timeline entry,
 *       no event); with other data it is {@link PlacementOutcome#UPDATED}, changed as {@link ClaimChangeService}
 *       changes claims;</li>
 *   <li>a new claim ({@link PlacementOutcome#CREATED}) joins the debtor's unfinished case through the lifecycle's
 *       {@code AddClaim} ({@code ClaimAdded}), or opens a new case ({@code CaseOpened}).</li>
 * </ul>
 * A case's outstanding balance is the sum of principal + fees − paid over its claims, in one currency.
 * Two concurrent placements of the same reference collide on a unique constraint: the loser is retried once
 * (and then finds what the winner wrote), a second collision is a CONFLICT.
 */
@ApplicationScoped
public class ClaimPlacementService {

    private static final Logger LOG = Logger.getLogger(ClaimPlacementService.class);

    private final TenantTransactions transactions;
    private final DebtorRepository debtors;
    private final ClaimRepository claims;
    private final CaseRepository cases;
    private final CaseService caseService;
    private final ClaimChangeService changes;
    private final Outbox outbox;
    private final DueIndex dueIndex;
    private final TenantCalendar calendar;
    private final Clock clock;
    private final ObjectMapper json;

    public ClaimPlacementService(TenantTransactions transactions, DebtorRepository debtors, ClaimRepository claims,
                                 CaseRepository cases, CaseService caseService, ClaimChangeService changes, Outbox outbox,
                                 DueIndex dueIndex, TenantCalendar calendar, Clock clock, ObjectMapper json) {
        this.transactions = transactions;
        this.debtors = debtors;
        this.claims = claims;
        this.cases = cases;
        this.caseService = caseService;
        this.changes = changes;
        this.outbox = outbox;
        this.dueIndex = dueIndex;
        this.calendar = calendar;
        this.clock = clock;
        this.json = json;
    }

    /**
     * @throws ApiException VALIDATION naming every wrong field ({@code debtor.name}, {@code claim.dueDate}, …);
     *                      CONFLICT when the claim belongs to another debtor or to a finished case, or when a
     *                      concurrent placement of the same reference collided twice
     */
    public Uni<PlacementResult> place(TenantContext caller, PlaceClaim command, String correlationId) {
        PlaceClaim placement;
        try {
            placement = validated(command);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().deferred(() -> transactions.inTransaction(caller.tenantId(),
                        session -> placeIn(session, caller, placement, correlationId)))
                .onFailure(ClaimPlacementService::isUniqueViolation).invoke(e -> LOG.infof(
                        "Placement of claim collided with a concurrent one (%s)", e.getClass().getSimpleName()))
                .onFailure(ClaimPlacementService::isUniqueViolation).retry().atMost(1)
                .onFailure(ClaimPlacementService::isUniqueViolation).transform(e -> new ApiException(ErrorCode.CONFLICT,
                        "claim '%s' is being placed concurrently; try again".formatted(placement.claim().externalReference())));
    }

    /** The claims of a case, withdrawn ones included, oldest first. @throws ApiException NOT_FOUND for a missing or another tenant's case */
    public Uni<List<Claim>> claimsOfCase(TenantContext caller, UUID caseId) {
        return transactions.inTransaction(caller.tenantId(), session -> cases.findById(session, caseId)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().failure(ApiException.notFound("case", caseId))
                        : claims.allOfCase(session, caseId)));
    }

    /** @throws ApiException NOT_FOUND for a missing or another tenant's debtor */
    public Uni<Debtor> debtor(TenantContext caller, UUID debtorId) {
        return transactions.inTransaction(caller.tenantId(), session -> debtors.findById(session, debtorId))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("debtor", debtorId)));
    }

    private Uni<PlacementResult> placeIn(Mutiny.Session session, TenantContext caller, PlaceClaim placement, String correlationId) {
        Instant now = clock.instant();
        DebtorData debtorData = placement.debtor();
        AtomicBoolean debtorIsNew = new AtomicBoolean();
        return debtors.findByExternalReferenceForChange(session, debtorData.externalReference())
                .chain(found -> {
                    if (found.isPresent()) {
                        found.get().update(debtorData, now);
                        return Uni.createFrom().item(found.get());
                    }
                    debtorIsNew.set(true);
                    return debtors.persist(session, Debtor.create(caller.tenantId(), debtorData, now));
                })
                .chain(debtor -> claims.findByExternalReference(session, placement.claim().externalReference())
                        .chain(existing -> {
                            if (existing.isEmpty()) {
                                return created(session, caller, debtor, placement.claim(), now, correlationId);
                            }
                            if (!existing.get().debtorId().equals(debtor.id()) && debtorIsNew.get()) {
                                // Our debtor is new, yet its claim exists: a concurrent placement committed both
                                // between our two reads. Retrying finds its debtor.
                                return Uni.createFrom().failure(new ConcurrentPlacement());
                            }
                            return known(session, caller, debtor, existing.get(), placement.claim(), now, correlationId);
                        }));
    }

    private Uni<PlacementResult> known(Mutiny.Session session, TenantContext caller, Debtor debtor, Claim claim, ClaimData data,
                                       Instant now, String correlationId) {
        if (!claim.debtorId().equals(debtor.id())) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                    "claim '%s' belongs to another debtor".formatted(claim.externalReference())));
        }
        return cases.findById(session, claim.caseId()).chain(found -> {
            Case c = found.orElseThrow(() -> new IllegalStateException("claim " + claim.id() + " without its case"));
            return changes.change(session, caller, c, claim, data, now, correlationId)
                    .map(changed -> new PlacementResult(changed.outcome() == ClaimChangeOutcome.UPDATED
                            ? PlacementOutcome.UPDATED : PlacementOutcome.UNCHANGED, debtor, c, claim));
        });
    }

    private Uni<PlacementResult> created(Mutiny.Session session, TenantContext caller, Debtor debtor, ClaimData data,
                                         Instant now, String correlationId) {
        return claims.unfinishedCaseOf(session, debtor.id()).chain(unfinished -> unfinished.isPresent()
                ? join(session, caller, debtor, unfinished.get(), data, now, correlationId)
                : openCase(session, caller, debtor, data, now, correlationId));
    }

    private Uni<PlacementResult> join(Mutiny.Session session, TenantContext caller, Debtor debtor, Case c, ClaimData data,
                                      Instant now, String correlationId) {
        ClaimChangeService.checkCurrency(c, data);
        CaseCommand.AddClaim command = new CaseCommand.AddClaim(data.externalReference(), data.principal());
        return calendar.dayOf(session, now).chain(today -> switch (CaseLifecycle.apply(c.status(), command, today)) {
            case Refusal refusal -> Uni.createFrom().failure(CaseService.toApiException(refusal, command));
            case Transition transition -> claims.ofCase(session, c.id()).chain(ofCase -> {
                Claim claim = Claim.create(caller.tenantId(), debtor.id(), c.id(), data, now);
                return claims.persist(session, claim)
                        .chain(() -> caseService.record(session, caller, c, transition, command, now, correlationId))
                        .invoke(() -> c.recompute(Stream.concat(ofCase.stream(), Stream.of(claim)).toList()))
                        .invoke(() -> LOG.infof("Claim %s joined case %s; outstanding %s", claim.id(), c.id(), c.outstanding()))
                        .replaceWith(new PlacementResult(PlacementOutcome.CREATED, debtor, c, claim));
            });
        });
    }

    private Uni<PlacementResult> openCase(Mutiny.Session session, TenantContext caller, Debtor debtor, ClaimData data,
                                         Instant now, String correlationId) {
        Claim draft = Claim.create(caller.tenantId(), debtor.id(), UUID.randomUUID(), data, now);
        Case opened = Case.openFor(caller.tenantId(), debtor.id(), draft, debtor.name(), caller.subject(), now);
        Claim claim = Claim.create(caller.tenantId(), debtor.id(), opened.id(), data, now);
        CaseOpened event = new CaseOpened(opened.id(), opened.externalReference(), opened.debtorName(), opened.outstanding());
        return cases.persist(session, opened)
                .chain(() -> claims.persist(session, claim))
                .chain(() -> cases.append(session, CaseEvent.record(caller.tenantId(), opened.id(), "CaseOpened", null,
                        CaseStatus.OPEN, "case opened by placing claim " + claim.externalReference(), data(event),
                        caller.subject(), now)))
                .call(() -> outbox.append(session, caller.tenantId(), opened.id(), event, correlationId))
                .call(() -> dueIndex.enroll(session, caller.tenantId(), opened.id(), now))
                .invoke(() -> LOG.infof("Case %s opened by placing claim %s over %s", opened.id(), claim.id(), opened.outstanding()))
                .replaceWith(new PlacementResult(PlacementOutcome.CREATED, debtor, opened, claim));
    }

    /** Normalizes the placement and refuses it naming every wrong field ({@link PlacementValidation}). */
    static PlaceClaim validated(PlaceClaim command) {
        if (command == null) {
            throw ApiException.invalid("body", "is required");
        }
        PlacementValidation.Result result = PlacementValidation.check(command);
        if (!result.valid()) {
            throw ApiException.invalid(result.errors());
        }
        return result.placement();
    }

    /** A concurrent placement of the same references got in between two reads of this one. */
    private static final class ConcurrentPlacement extends RuntimeException {
        ConcurrentPlacement() {
            super("concurrent placement", null, false, false);
        }
    }

    /** A unique violation (SQLState 23505) or a {@link ConcurrentPlacement}: worth one retry. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrentPlacement) {
                return true;
            }
        }
        return UniqueViolation.in(failure);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(DomainEvent event) {
        return json.convertValue(event, Map.class);
    }
}
