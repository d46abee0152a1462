package io.agiledunning.cases.settings;

import io.agiledunning.cases.law.AllocationOrder;
import io.agiledunning.cases.law.Conventions;
import io.agiledunning.cases.law.FeeSchedule;
import io.agiledunning.cases.law.InterestClaim;
import io.agiledunning.cases.law.LegalSettings;
import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One version of a tenant's legal settings (table {@code legal_settings}, append-only). */
@Entity
@Table(name = "legal_settings")
public class LegalSettingsVersion extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Column(name = "reminder_fee_minor", nullable = false, updatable = false)
    private long reminderFeeMinor;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "charge_b2b_flat_fee", nullable = false, updatable = false)
    private boolean chargeB2bFlatFee;

    @Column(name = "interest_cap_percent", updatable = false, precision = 5, scale = 2)
    private BigDecimal interestCapPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "allocation_order", nullable = false, updatable = false)
    private AllocationOrder allocationOrder;

    @Enumerated(EnumType.STRING)
    @Column(name = "first_interest_day", nullable = false, updatable = false)
    private Conventions.FirstInterestDay firstInterestDay;

    @Column(name = "payment_day_bears_interest", nullable = false, updatable = false)
    private boolean paymentDayBearsInterest;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_count", nullable = false, updatable = false)
    private Conventions.DayCount dayCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "rounding", nullable = false, updatable = false)
    private Conventions.Rounding rounding;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected LegalSettingsVersion() {
    }

    public LegalSettingsVersion(TenantId tenant, int version, LegalSettings settings, String changedBy, Instant changedAt) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.version = version;
        this.reminderFeeMinor = settings.fees().reminderFee().minorUnits();
        this.currency = settings.fees().reminderFee().currency().getCurrencyCode();
        this.chargeB2bFlatFee = settings.fees().chargeB2bFlatFee();
        this.interestCapPercent = settings.interest().capPercent().orElse(null);
        this.allocationOrder = settings.allocationOrder();
        this.firstInterestDay = settings.conventions().firstInterestDay();
        this.paymentDayBearsInterest = settings.conventions().paymentDayBearsInterest();
        this.dayCount = settings.conventions().dayCount();
        this.rounding = settings.conventions().rounding();
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public int version() {
        return version;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public LegalSettings settings() {
        FeeSchedule fees = new FeeSchedule(Money.ofMinor(reminderFeeMinor, currency), chargeB2bFlatFee,
                FeeSchedule.DEFAULT_LEGAL_CAP);
        return new LegalSettings(fees, new InterestClaim(Optional.ofNullable(interestCapPercent)), allocationOrder,
                new Conventions(firstInterestDay, paymentDayBearsInterest, dayCount, rounding));
    }
}
