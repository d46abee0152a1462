package io.agiledunning.cases.payment;

import io.agiledunning.cases.law.AllocationLine;
import io.agiledunning.cases.law.ClaimRule;
import io.agiledunning.cases.law.Component;
import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a stored payment allocation: which claim's which component took how much, and the rules that decided
 * it (§ 366 for the claim, § 367 or § 497(3) for the component). Append-only.
 */
@Entity
@Table(name = "payment_allocations")
public class AllocationEntry extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "case_payment_id", nullable = false, updatable = false)
    private UUID casePaymentId;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(name = "claim_id", nullable = false, updatable = false)
    private UUID claimId;

    @Enumerated(EnumType.STRING)
    @Column(name = "component", nullable = false, updatable = false)
    private Component component;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Enumerated(EnumType.STRING)
    @Column(name = "claim_rule", nullable = false, updatable = false)
    private ClaimRule claimRule;

    @Column(name = "component_rule", nullable = false, updatable = false)
    private String componentRule;

    protected AllocationEntry() {
    }

    public AllocationEntry(TenantId tenant, CasePayment payment, int lineNo, AllocationLine line) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.casePaymentId = payment.id();
        this.lineNo = lineNo;
        this.caseId = payment.caseId();
        this.claimId = UUID.fromString(line.claimId());
        this.component = line.component();
        this.amountMinor = line.amount().minorUnits();
        this.claimRule = line.claimRule();
        this.componentRule = line.componentRule();
    }

    public UUID casePaymentId() {
        return casePaymentId;
    }

    public int lineNo() {
        return lineNo;
    }

    /** The line as the legal engine knows it, dated and keyed by the payment it belongs to. */
    public AllocationLine toLine(CasePayment payment) {
        return new AllocationLine(payment.paymentId().toString(), payment.paidOn(), claimId.toString(), component,
                Money.ofMinor(amountMinor, payment.amount().currency().getCurrencyCode()), claimRule, componentRule);
    }
}
