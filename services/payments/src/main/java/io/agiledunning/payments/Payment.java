package io.agiledunning.payments;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Money received for a case. Immutable: a correction is a new entry, never an edit. */
@Entity
@Immutable
@Table(name = "payments")
public class Payment extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false)
    private UUID caseId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentMethod method;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    private String reference;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "designated_claim_ids", nullable = false)
    private UUID[] designatedClaimIds;

    protected Payment() {
    }

    /** @throws IllegalArgumentException when the amount is not positive */
    public static Payment record(TenantId tenant, UUID caseId, Money amount, PaymentMethod method, LocalDate receivedOn,
                                 String reference, List<UUID> designatedClaimIds, String recordedBy, Instant now) {
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("must be greater than zero");
        }
        Payment payment = new Payment();
        payment.tenantId = tenant.value();
        payment.id = UUID.randomUUID();
        payment.caseId = caseId;
        payment.amountMinor = amount.minorUnits();
        payment.currency = amount.currency().getCurrencyCode();
        payment.method = method;
        payment.receivedOn = receivedOn;
        payment.reference = reference;
        payment.designatedClaimIds = designatedClaimIds.toArray(UUID[]::new);
        payment.recordedBy = recordedBy;
        payment.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return payment;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public Money amount() {
        return Money.ofMinor(amountMinor, currency);
    }

    public PaymentMethod method() {
        return method;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public String reference() {
        return reference;
    }

    /** The claims the debtor named (§ 366(1) BGB), in the order named; empty when none. */
    public List<UUID> designatedClaimIds() {
        return List.of(designatedClaimIds);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
