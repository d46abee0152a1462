package io.agiledunning.cases;

import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.Transition;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** All open claims of one debtor, worked together until paid or handed over. */
@Entity
@Table(name = "cases")
public class Case extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "external_reference", nullable = false, updatable = false)
    private String externalReference;

    /** Null for cases opened without a debtor (the older {@code openCase}). */
    @Column(name = "debtor_id", updatable = false)
    private UUID debtorId;

    @Column(name = "debtor_name", nullable = false)
    private String debtorName;

    @Column(name = "outstanding_minor", nullable = false)
    private long outstandingMinor;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CaseStatus status;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "pause_reason")
    private String pauseReason;

    @Column(name = "paused_until")
    private LocalDate pausedUntil;

    @Column(name = "dispute_reason")
    private String disputeReason;

    @Column(name = "dispute_evidence")
    private String disputeEvidence;

    @Column(name = "promise_pay_by")
    private LocalDate promisePayBy;

    @Column(name = "promise_amount_minor")
    private Long promiseAmountMinor;

    @Column(name = "plan_installments")
    private Integer planInstallments;

    @Column(name = "plan_installment_minor")
    private Long planInstallmentMinor;

    @Column(name = "plan_first_due_on")
    private LocalDate planFirstDueOn;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    /** Of the claims that count (not withdrawn); null without any. Days past due count from it. */
    @Column(name = "oldest_due_date")
    private LocalDate oldestDueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    private CloseReason closeReason;

    protected Case() {
    }

    public static Case open(TenantId tenant, String externalReference, String debtorName, Money outstanding,
                            String openedBy, Instant now) {
        if (outstanding.isNegative()) {
            throw new IllegalArgumentException("outstanding amount must not be negative");
        }
        Case c = new Case();
        c.tenantId = tenant.value();
        c.id = UUID.randomUUID();
        c.externalReference = externalReference;
        c.debtorName = debtorName;
        c.outstandingMinor = outstanding.minorUnits();
        c.currency = outstanding.currency().getCurrencyCode();
        c.status = CaseStatus.OPEN;
        c.openedBy = openedBy;
        c.createdAt = now.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, so cursors match
        return c;
    }

    /** A case opened by placing the first claim of a debtor that has no unfinished case. */
    public static Case openFor(TenantId tenant, UUID debtorId, Claim first, String debtorName, String openedBy, Instant now) {
        Case c = open(tenant, first.externalReference(), debtorName, first.open(), openedBy, now);
        c.debtorId = debtorId;
        c.oldestDueDate = first.dueDate();
        return c;
    }

    /**
     * The balance (principal + fees − paid, in the case's currency) and the oldest due date, recomputed from the
     * claims that count (not withdrawn).
     */
    public void recompute(List<Claim> counted) {
        long outstanding = 0;
        LocalDate oldest = null;
        for (Claim claim : counted) {
            outstanding = Math.addExact(outstanding, inCaseCurrency(claim.open()));
            oldest = oldest == null || claim.dueDate().isBefore(oldest) ? claim.dueDate() : oldest;
        }
        if (outstanding < 0) {
            throw new IllegalArgumentException("outstanding amount must not be negative");
        }
        outstandingMinor = outstanding;
        oldestDueDate = oldest;
    }

    public LocalDate oldestDueDate() {
        return oldestDueDate;
    }

    /**
     * Records a transition {@link io.agiledunning.cases.lifecycle.CaseLifecycle} allowed for {@code command}:
     * the new status, the data that status needs, and nothing of the statuses the case left.
     */
    public void apply(Transition transition, CaseCommand command, Instant now) {
        if (transition.from() != status) {
            throw new IllegalStateException("transition from %s applied to a case in %s".formatted(transition.from(), status));
        }
        status = transition.to();
        if (transition.statusChanged()) {
            statusChangedAt = now.truncatedTo(ChronoUnit.MICROS);
        }
        if (status != CaseStatus.PAUSED) {
            pauseReason = null;
            pausedUntil = null;
        }
        if (status != CaseStatus.DISPUTED) {
            disputeReason = null;
            disputeEvidence = null;
        }
        if (status != CaseStatus.PROMISED) {
            promisePayBy = null;
            promiseAmountMinor = null;
        }
        if (status != CaseStatus.PLAN_ACTIVE) {
            planInstallments = null;
            planInstallmentMinor = null;
            planFirstDueOn = null;
        }
        switch (command) {
            case CaseCommand.Pause c -> {
                pauseReason = c.reason().strip();
                pausedUntil = c.until().orElse(null);
            }
            case CaseCommand.OpenDispute c -> {
                disputeReason = c.reason().strip();
                disputeEvidence = c.evidenceNote().isBlank() ? null : c.evidenceNote().strip();
            }
            case CaseCommand.MakePromise c -> {
                promisePayBy = c.payBy();
                promiseAmountMinor = inCaseCurrency(c.amount());
            }
            case CaseCommand.ActivatePlan c -> {
                planInstallments = c.installments();
                planInstallmentMinor = inCaseCurrency(c.installmentAmount());
                planFirstDueOn = c.firstDueOn();
            }
            case CaseCommand.PromiseKept c -> outstandingMinor = inCaseCurrency(c.outstandingAfter());
            case CaseCommand.AddClaim c -> outstandingMinor = Math.addExact(outstandingMinor, inCaseCurrency(c.amount()));
            default -> {
            }
        }
        if (status == CaseStatus.PAID) {
            outstandingMinor = 0;
        }
        if (status.isTerminal()) {
            closeReason = CloseReason.of(command, status);
        }
    }

    private long inCaseCurrency(Money amount) {
        if (!amount.currency().getCurrencyCode().equals(currency)) {
            throw new IllegalArgumentException("the case is kept in " + currency + ", got " + amount.currency().getCurrencyCode());
        }
        return amount.minorUnits();
    }

    public String currencyCode() {
        return currency;
    }

    public UUID id() {
        return id;
    }

    public String externalReference() {
        return externalReference;
    }

    public UUID debtorId() {
        return debtorId;
    }

    public String debtorName() {
        return debtorName;
    }

    public long outstandingMinor() {
        return outstandingMinor;
    }

    public Money outstanding() {
        return Money.ofMinor(outstandingMinor, currency);
    }

    public CaseStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public String pauseReason() {
        return pauseReason;
    }

    public LocalDate pausedUntil() {
        return pausedUntil;
    }

    public String disputeReason() {
        return disputeReason;
    }

    public String disputeEvidence() {
        return disputeEvidence;
    }

    public LocalDate promisePayBy() {
        return promisePayBy;
    }

    public Money promiseAmount() {
        return promiseAmountMinor == null ? null : Money.ofMinor(promiseAmountMinor, currency);
    }

    public Integer planInstallments() {
        return planInstallments;
    }

    public Money planInstallmentAmount() {
        return planInstallmentMinor == null ? null : Money.ofMinor(planInstallmentMinor, currency);
    }

    public LocalDate planFirstDueOn() {
        return planFirstDueOn;
    }

    /** How the case ended; null while it runs (and for CLOSED cases that ended before it was recorded). */
    public CloseReason closeReason() {
        return closeReason;
    }

    /** When the status last changed (null for cases that never changed it). */
    public Instant statusChangedAt() {
        return statusChangedAt;
    }
}
