package io.agiledunning.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.dunning.service.DueIndex;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.CaseLifecycle;
import io.agiledunning.cases.lifecycle.Refusal;
import io.agiledunning.cases.lifecycle.Transition;
import io.agiledunning.cases.placement.ClaimChangeOutcome;
import io.agiledunning.cases.placement.ClaimData;
import io.agiledunning.cases.placement.ClaimPatch;
import io.agiledunning.cases.placement.PlacementValidation;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.ClaimRepository;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.events.ClaimUpdated;
import io.agiledunning.common.events.ClaimWithdrawn;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes to claims placed before, found by the tenant's external reference, in one tenant transaction each:
 * <ul>
 *   <li>{@link #update}: the claim's data (what the patch leaves out stays); a real change is {@code ClaimUpdated} on
 *       the timeline (naming the changed fields) and in the outbox, with the case's balance recomputed; the same data
 *       again changes nothing. Placement re-sending a changed claim comes here too ({@link #change}).</li>
 *   <li>{@link #withdraw}: the claim leaves its case's balance ({@code ClaimWithdrawn}); when no claim of the case is
 *       left, the case is withdrawn through the lifecycle (CLOSED, close reason WITHDRAWN). Withdrawing again changes
 *       nothing.</li>
 * </ul>
 * A claim of a finished case (terminal status, e.g. HANDED_OVER) or a withdrawn claim cannot change: CONFLICT.
 */
@ApplicationScoped
public class ClaimChangeService {

    private static final Logger LOG = Logger.getLogger(ClaimChangeService.class);

    private final TenantTransactions transactions;
    private final ClaimRepository claims;
    private final CaseRepository cases;
    private final CaseService caseService;
    private final Outbox outbox;
    private final DueIndex dueIndex;
    private final TenantCalendar calendar;
    private final Clock clock;
    private final ObjectMapper json;

    public ClaimChangeService(TenantTransactions transactions, ClaimRepository claims, CaseRepository cases,
                              CaseService caseService, Outbox outbox, DueIndex dueIndex, TenantCalendar calendar, Clock clock,
                              ObjectMapper json) {
        this.transactions = transactions;
        this.claims = claims;
        this.cases = cases;
        this.caseService = caseService;
        this.outbox = outbox;
        this.dueIndex = dueIndex;
        this.calendar = calendar;
        this.clock = clock;
        this.json = json;
    }

    /** The claim afterwards, its case, and the fields that changed (empty unless UPDATED). */
    public record Result(ClaimChangeOutcome outcome, Case changedCase, Claim claim, List<String> changedFields) {
    }

    /**
     * @throws ApiException VALIDATION naming every wrong field of the claim as it would read ({@code claim.principal},
     *                      …); NOT_FOUND for a reference the tenant never placed (another tenant's alike); CONFLICT for
     *                      a withdrawn claim or one of a finished case
     */
    public Uni<Result> update(TenantContext caller, ClaimPatch patch, String correlationId) {
        if (patch == null) {
            return Uni.createFrom().failure(ApiException.invalid("claim", "is required"));
        }
        String reference = text(patch.externalReference());
        if (reference == null) {
            return Uni.createFrom().failure(ApiException.invalid("claim.externalReference", "is required"));
        }
        return transactions.inTransaction(caller.tenantId(), session -> claimWithCase(session, reference)
                .chain(found -> {
                    ClaimData next = patch.applyTo(found.claim().data());
                    List<FieldError> errors = PlacementValidation.checkClaim(next);
                    if (!errors.isEmpty()) {
                        return Uni.createFrom().failure(ApiException.invalid(errors));
                    }
                    return change(session, caller, found.changedCase(), found.claim(), next, clock.instant(), correlationId);
                }));
    }

    /**
     * @throws ApiException VALIDATION for a missing reference or reason; NOT_FOUND as {@link #update}; CONFLICT for a
     *                      claim of a finished case
     */
    public Uni<Result> withdraw(TenantContext caller, String claimReference, String reason, String correlationId) {
        String reference = text(claimReference);
        List<FieldError> errors = new ArrayList<>();
        if (reference == null) {
            errors.add(new FieldError("externalReference", "is required"));
        }
        if (text(reason) == null) {
            errors.add(new FieldError("reason", "is required"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ApiException.invalid(errors));
        }
        return transactions.inTransaction(caller.tenantId(), session -> claimWithCase(session, reference)
                .chain(found -> withdrawIn(session, caller, found.changedCase(), found.claim(), reason.strip(), clock.instant(),
                        correlationId)));
    }

    /**
     * Changes a known claim to {@code data} (normalized and valid) on its case {@code c}: UNCHANGED when the data is
     * the same, else UPDATED with its timeline entry and event, or CONFLICT when the claim can no longer change.
     */
    Uni<Result> change(Mutiny.Session session, TenantContext caller, Case c, Claim claim, ClaimData data, Instant now,
                       String correlationId) {
        List<String> changed = claim.data().changedFields(data);
        if (changed.isEmpty()) {
            return Uni.createFrom().item(new Result(ClaimChangeOutcome.UNCHANGED, c, claim, List.of()));
        }
        if (claim.withdrawn()) {
            return calendar.dayOf(session, claim.withdrawnAt()).chain(day -> Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                    "claim '%s' was withdrawn on %s: it can no longer change".formatted(claim.externalReference(), day))));
        }
        if (c.status().isTerminal()) {
            return Uni.createFrom().failure(finished(claim, c, "change"));
        }
        checkCurrency(c, data);
        claim.update(data, now);
        return claims.ofCase(session, c.id()).chain(ofCase -> {
            c.recompute(ofCase);
            ClaimUpdated event = new ClaimUpdated(c.id(), claim.id(), claim.externalReference(), claim.invoiceNumber(),
                    claim.issueDate(), claim.dueDate(), claim.principal(), claim.fees(), claim.paid(), claim.consumerNotice(),
                    c.outstanding(), changed);
            return cases.append(session, CaseEvent.record(caller.tenantId(), c.id(), "ClaimUpdated", c.status(), c.status(),
                            "claim %s updated: %s".formatted(claim.externalReference(), String.join(", ", changed)),
                            data(event), caller.subject(), now))
                    .call(() -> outbox.append(session, caller.tenantId(), c.id(), event, correlationId))
                    .call(() -> dueIndex.enroll(session, caller.tenantId(), c.id(), now))
                    .invoke(() -> LOG.infof("Claim %s of case %s updated (%s); outstanding %s", claim.id(), c.id(), changed,
                            c.outstanding()))
                    .replaceWith(new Result(ClaimChangeOutcome.UPDATED, c, claim, changed));
        });
    }

    private Uni<Result> withdrawIn(Mutiny.Session session, TenantContext caller, Case c, Claim claim, String reason, Instant now,
                                   String correlationId) {
        if (claim.withdrawn()) {
            return Uni.createFrom().item(new Result(ClaimChangeOutcome.UNCHANGED, c, claim, List.of()));
        }
        if (c.status().isTerminal()) {
            return Uni.createFrom().failure(finished(claim, c, "be withdrawn"));
        }
        Money withdrawn = claim.open();
        claim.withdraw(reason, now);
        return claims.ofCase(session, c.id()).chain(ofCase -> {
            // The query may run before the withdrawal is flushed; the session hands back the same (withdrawn) instance.
            List<Claim> remaining = ofCase.stream().filter(cl -> !cl.withdrawn()).toList();
            c.recompute(remaining);
            ClaimWithdrawn event = new ClaimWithdrawn(c.id(), claim.id(), claim.externalReference(), reason, withdrawn,
                    c.outstanding());
            Uni<?> recorded = cases.append(session, CaseEvent.record(caller.tenantId(), c.id(), "ClaimWithdrawn", c.status(),
                            c.status(), "claim %s (%s) withdrawn by the tenant: %s".formatted(claim.externalReference(), withdrawn, reason),
                            data(event), caller.subject(), now))
                    .call(() -> outbox.append(session, caller.tenantId(), c.id(), event, correlationId));
            Uni<?> closed = recorded.chain(() -> remaining.isEmpty()
                    ? closeWithdrawn(session, caller, c, claim, reason, now, correlationId)
                    : dueIndex.enroll(session, caller.tenantId(), c.id(), now));
            return closed.invoke(() -> LOG.infof("Claim %s of case %s withdrawn; outstanding %s, case %s", claim.id(), c.id(),
                            c.outstanding(), c.status()))
                    .replaceWith(new Result(ClaimChangeOutcome.WITHDRAWN, c, claim, List.of()));
        });
    }

    /** The case's last claim was withdrawn: the case is withdrawn too, through the lifecycle like any other ending. */
    private Uni<Case> closeWithdrawn(Mutiny.Session session, TenantContext caller, Case c, Claim last, String reason, Instant now,
                                     String correlationId) {
        CaseCommand.Withdraw command = new CaseCommand.Withdraw("its last claim %s was withdrawn: %s".formatted(last.externalReference(), reason));
        // One microsecond later, so the timeline reads withdrawal, then closing.
        Instant closing = now.plus(1, ChronoUnit.MICROS);
        return calendar.dayOf(session, closing).chain(today -> switch (CaseLifecycle.apply(c.status(), command, today)) {
            case Refusal refusal -> Uni.createFrom().failure(CaseService.toApiException(refusal, command));
            case Transition transition -> caseService.record(session, caller, c, transition, command, closing, correlationId);
        });
    }

    private record ClaimWithCase(Claim claim, Case changedCase) {
    }

    private Uni<ClaimWithCase> claimWithCase(Mutiny.Session session, String reference) {
        return claims.findByExternalReference(session, reference).chain(found -> {
            Claim claim = found.orElseThrow(() -> ApiException.notFound("claim", reference));
            return cases.findById(session, claim.caseId()).map(c -> new ClaimWithCase(claim,
                    c.orElseThrow(() -> new IllegalStateException("claim " + claim.id() + " without its case"))));
        });
    }

    private static ApiException finished(Claim claim, Case c, String what) {
        return new ApiException(ErrorCode.CONFLICT, "claim '%s' belongs to case %s, which is %s: it can no longer %s"
                .formatted(claim.externalReference(), c.id(), c.status(), what));
    }

    static void checkCurrency(Case c, ClaimData data) {
        String currency = data.principal().currency().getCurrencyCode();
        if (!currency.equals(c.currencyCode())) {
            throw ApiException.invalid("claim.principal.currency",
                    "the debtor's case %s is kept in %s, a claim in %s cannot join it".formatted(c.id(), c.currencyCode(), currency));
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(DomainEvent event) {
        return json.convertValue(event, Map.class);
    }
}
