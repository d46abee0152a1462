package io.agiledunning.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.handover.HandoverPackages;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.CaseLifecycle;
import io.agiledunning.cases.lifecycle.Refusal;
import io.agiledunning.cases.lifecycle.Transition;
import io.agiledunning.cases.dunning.service.DueIndex;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.events.CaseOpened;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final TenantTransactions transactions;
    private final CaseRepository cases;
    private final Outbox outbox;
    private final HandoverCheck handoverCheck;
    private final HandoverPackages handoverPackages;
    private final DueIndex dueIndex;
    private final TenantCalendar calendar;
    private final Clock clock;
    private final ObjectMapper json;

    public CaseService(TenantTransactions transactions, CaseRepository cases, Outbox outbox, HandoverCheck handoverCheck,
                       HandoverPackages handoverPackages,
                       DueIndex dueIndex, TenantCalendar calendar, Clock clock, ObjectMapper json) {
        this.transactions = transactions;
        this.cases = cases;
        this.outbox = outbox;
        this.handoverCheck = handoverCheck;
        this.handoverPackages = handoverPackages;
        this.dueIndex = dueIndex;
        this.calendar = calendar;
        this.clock = clock;
        this.json = json;
    }

    /** Opens a case and records {@code CaseOpened} in the same transaction. */
    public Uni<Case> open(TenantContext caller, String externalReference, String debtorName, Money outstanding, String correlationId) {
        if (outstanding.isNegative()) {
            return Uni.createFrom().failure(ApiException.invalid("amount", "must not be negative"));
        }
        return transactions.inTransaction(caller.tenantId(), session -> cases.findByExternalReference(session, externalReference)
                .chain(existing -> {
                    if (existing.isPresent()) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                                "a case with external reference '%s' exists already".formatted(externalReference)));
                    }
                    Instant now = clock.instant();
                    Case opened = Case.open(caller.tenantId(), externalReference, debtorName, outstanding, caller.subject(), now);
                    CaseOpened event = new CaseOpened(opened.id(), opened.externalReference(), opened.debtorName(), opened.outstanding());
                    return cases.persist(session, opened)
                            .call(c -> cases.append(session, CaseEvent.record(caller.tenantId(), c.id(), "CaseOpened", null,
                                    CaseStatus.OPEN, "case opened", data(event), caller.subject(), now)))
                            .call(c -> outbox.append(session, caller.tenantId(), c.id(), event, correlationId))
                            // No debtor data in logs: the id and the amount say enough (tenant and trace ids come from the MDC).
                            .invoke(c -> LOG.infof("Case %s opened over %s", c.id(), c.outstanding()));
                }));
    }

    /** @throws ApiException NOT_FOUND alike for a missing case and another tenant's case */
    public Uni<Case> get(TenantContext caller, UUID caseId) {
        return transactions.inTransaction(caller.tenantId(), session -> cases.findById(session, caseId))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("case", caseId)));
    }

    public Uni<Page<Case>> list(TenantContext caller, PageRequest request) {
        return transactions.inTransaction(caller.tenantId(), session -> cases.list(session, request));
    }

    /**
     * Asks the case to take {@code command}: decided by {@link CaseLifecycle}, with today's date in the tenant's time
     * zone ({@link TenantCalendar}). An allowed transition updates the case, appends a
     * timeline entry and writes its events to the outbox, all in one transaction; a refusal changes nothing.
     *
     * @throws ApiException NOT_FOUND for a missing or another tenant's case; CONFLICT for a command the case's
     *                      status does not allow; VALIDATION for data a guard refuses, with the refusal's message
     */
    public Uni<Case> change(TenantContext caller, UUID caseId, CaseCommand command, String correlationId) {
        return transactions.inTransaction(caller.tenantId(), session -> cases.findById(session, caseId)
                .chain(found -> {
                    Case c = found.orElseThrow(() -> ApiException.notFound("case", caseId));
                    checkCurrency(c, command);
                    Instant now = clock.instant();
                    return calendar.dayOf(session, now).chain(today -> switch (CaseLifecycle.apply(c.status(), command, today)) {
                        case Refusal refusal -> Uni.createFrom().failure(toApiException(refusal, command));
                        case Transition transition -> record(session, caller, c, transition, command, now, correlationId);
                    });
                }));
    }

    /** The case's timeline, oldest first. @throws ApiException NOT_FOUND as {@link #get} */
    public Uni<List<CaseEvent>> timeline(TenantContext caller, UUID caseId) {
        return transactions.inTransaction(caller.tenantId(), session -> cases.findById(session, caseId)
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().failure(ApiException.notFound("case", caseId));
                    }
                    return cases.timeline(session, caseId);
                }));
    }

    /**
     * Applies an allowed transition, appends its timeline entry and writes its events to the outbox. Every path that
     * changes a case's status comes here (the API's commands and the dunning engine), so the checks beyond the
     * lifecycle's live here too: a handover is refused (CONFLICT) while an open claim is time-barred.
     */
    public Uni<Case> record(org.hibernate.reactive.mutiny.Mutiny.Session session, TenantContext caller, Case c,
                             Transition transition, CaseCommand command, Instant now, String correlationId) {
        if (command instanceof CaseCommand.HandOver handOver) {
            return calendar.dayOf(session, now).chain(today -> handoverCheck.refuseTimeBarred(session, c, today))
                    .chain(() -> recordChecked(session, caller, c, transition, command, now, correlationId))
                    .call(handedOver -> handoverPackages.take(session, caller.tenantId(), handedOver, handOver, now));
        }
        return recordChecked(session, caller, c, transition, command, now, correlationId);
    }

    private Uni<Case> recordChecked(org.hibernate.reactive.mutiny.Mutiny.Session session, TenantContext caller, Case c,
                                    Transition transition, CaseCommand command, Instant now, String correlationId) {
        c.apply(transition, command, now);
        List<DomainEvent> events = CaseLifecycleEvents.of(c.id(), transition, command);
        CaseEvent entry = CaseEvent.record(caller.tenantId(), c.id(), transition.event().eventName(), transition.from(),
                transition.to(), transition.reason(), data(CaseLifecycleEvents.timelineData(c.id(), transition, events)),
                caller.subject(), now);
        // The dunning engine looks at the case at its next run, not at the next planned step (docs/dunning.md).
        // Cases without a debtor (the older openCase) have no one to contact and are not worked by the engine.
        Uni<?> chain = cases.append(session, entry).call(() -> c.debtorId() == null ? Uni.createFrom().voidItem()
                : dueIndex.enroll(session, caller.tenantId(), c.id(), now));
        for (DomainEvent event : events) {
            chain = chain.call(() -> outbox.append(session, caller.tenantId(), c.id(), event, correlationId));
        }
        return chain.invoke(() -> LOG.infof("Case %s: %s -> %s (%s)", c.id(), transition.from(), transition.to(),
                        transition.event().eventName()))
                .replaceWith(c);
    }

    /** Amounts on a case are kept in the case's currency. */
    private static void checkCurrency(Case c, CaseCommand command) {
        String field;
        Money amount;
        switch (command) {
            case CaseCommand.MakePromise m -> { field = "amount"; amount = m.amount(); }
            case CaseCommand.AddClaim m -> { field = "amount"; amount = m.amount(); }
            case CaseCommand.RecordFullPayment m -> { field = "amount"; amount = m.amount(); }
            case CaseCommand.Settle m -> { field = "agreedAmount"; amount = m.agreedAmount(); }
            case CaseCommand.ActivatePlan m -> { field = "installmentAmount"; amount = m.installmentAmount(); }
            case CaseCommand.PromiseKept m -> { field = "outstandingAfter"; amount = m.outstandingAfter(); }
            default -> { return; }
        }
        if (!amount.currency().getCurrencyCode().equals(c.currencyCode())) {
            throw ApiException.invalid(field + ".currency", "the case is kept in %s, got %s"
                    .formatted(c.currencyCode(), amount.currency().getCurrencyCode()));
        }
    }

    static ApiException toApiException(Refusal refusal, CaseCommand command) {
        return switch (refusal.kind()) {
            case CASE_CLOSED, NOT_ALLOWED_IN_STATUS -> new ApiException(ErrorCode.CONFLICT, refusal.message());
            case INVALID_INPUT -> {
                String prefix = "cannot %s a case that is %s: ".formatted(command.action(), refusal.current());
                String reason = refusal.message().startsWith(prefix) ? refusal.message().substring(prefix.length()) : refusal.message();
                yield new ApiException(ErrorCode.VALIDATION, refusal.message(), List.of(new FieldError(fieldOf(command, reason), reason)));
            }
        };
    }

    /** The request field a guard's reason is about (the names of {@code CaseCommandRequest}). */
    private static String fieldOf(CaseCommand command, String reason) {
        if (reason.contains("reason is required")) {
            return "reason";
        }
        return switch (command) {
            case CaseCommand.Pause c -> "until";
            case CaseCommand.ResolveDispute c -> "note";
            case CaseCommand.MakePromise c -> reason.contains("date") ? "payBy" : "amount";
            case CaseCommand.PromiseKept c -> "outstandingAfter";
            case CaseCommand.ActivatePlan c -> reason.contains("installments,") ? "installments"
                    : reason.contains("amount") ? "installmentAmount" : "firstDueOn";
            case CaseCommand.RecordFullPayment c -> "amount";
            case CaseCommand.Settle c -> "agreedAmount";
            case CaseCommand.HandOver c -> "recipient";
            case CaseCommand.AddClaim c -> reason.contains("reference") ? "claimReference" : "amount";
            default -> "body";
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(DomainEvent event) {
        return json.convertValue(event, Map.class);
    }
}
