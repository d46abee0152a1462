package io.agiledunning.cases;

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
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** All open claims of one debtor, worked together until paid or handed over. */
@Entity
@Table(name = "cases")
public class Case extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "external_reference", nullable = false, updatable = false)
    private String externalReference;

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

    public UUID id() {
        return id;
    }

    public String externalReference() {
        return externalReference;
    }

    public String debtorName() {
        return debtorName;
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
}
