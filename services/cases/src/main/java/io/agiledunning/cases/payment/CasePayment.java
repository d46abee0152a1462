package io.agiledunning.cases.payment;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A payment the payments service recorded for a case, as the cases service allocated it (append-only). */
@Entity
@Table(name = "case_payments")
public class CasePayment extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private UUID paymentId;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "unallocated_minor", nullable = false, updatable = false)
    private long unallocatedMinor;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;

    @Column(name = "method", nullable = false, updatable = false)
    private String method;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "designated_claim_ids", nullable = false, updatable = false)
    private UUID[] designatedClaimIds;

    protected CasePayment() {
    }

    public CasePayment(TenantId tenant, UUID paymentId, UUID caseId, Money amount, Money unallocated, LocalDate paidOn,
                       String method, List<UUID> designatedClaimIds, Instant recordedAt) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.paymentId = paymentId;
        this.caseId = caseId;
        this.amountMinor = amount.minorUnits();
        this.unallocatedMinor = unallocated.minorUnits();
        this.currency = amount.currency().getCurrencyCode();
        this.paidOn = paidOn;
        this.method = method;
        this.recordedAt = recordedAt;
        this.designatedClaimIds = designatedClaimIds.toArray(UUID[]::new);
    }

    public UUID id() {
        return id;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public UUID caseId() {
        return caseId;
    }

    public Money amount() {
        return Money.ofMinor(amountMinor, currency);
    }

    /** What no claim of the case could take (an overpayment); to be refunded or held, never lost. */
    public Money unallocated() {
        return Money.ofMinor(unallocatedMinor, currency);
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public String method() {
        return method;
    }

    /** The claims the debtor named (§ 366(1) BGB), in the order named; empty when none. */
    public List<UUID> designatedClaimIds() {
        return List.of(designatedClaimIds);
    }

    /** The payment as the legal engine sees it. */
    public io.agiledunning.cases.law.Payment toLaw() {
        return new io.agiledunning.cases.law.Payment(paymentId.toString(), paidOn, amount(),
                Arrays.stream(designatedClaimIds).map(UUID::toString).toList());
    }
}
