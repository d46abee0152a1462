package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.util.Objects;

/**
 * A tenant's reminder fees. Reminder fees may only cover material and postage (courts accepted around EUR 1 and
 * rejected EUR 10), so schedules above {@link #legalCap} are refused; the default cap of EUR 2.50 is a configured
 * limit of this platform, not a figure from statute.
 *
 * @param reminderFee    flat fee per chargeable reminder (never the first, never the default-creating one)
 * @param chargeB2bFlatFee whether the EUR 40 flat fee of § 288(5) BGB is claimed from business debtors
 * @param legalCap       highest reminder fee this platform accepts
 */
public record FeeSchedule(Money reminderFee, boolean chargeB2bFlatFee, Money legalCap) {

    public static final Money DEFAULT_LEGAL_CAP = Money.of("2.50", "EUR");
    /** § 288(5) BGB. */
    public static final Money B2B_FLAT_FEE = Money.of("40.00", "EUR");

    public FeeSchedule {
        Objects.requireNonNull(reminderFee, "reminderFee");
        Objects.requireNonNull(legalCap, "legalCap");
        if (reminderFee.isNegative()) {
            throw new IllegalArgumentException("reminder fee must not be negative, got " + reminderFee);
        }
        if (reminderFee.compareTo(legalCap) > 0) {
            throw new IllegalArgumentException("reminder fee %s is above the cap of %s (material and postage only)"
                    .formatted(reminderFee, legalCap));
        }
    }

    public static FeeSchedule of(String reminderFeeEur) {
        return new FeeSchedule(Money.of(reminderFeeEur, "EUR"), true, DEFAULT_LEGAL_CAP);
    }

    public static FeeSchedule none() {
        return new FeeSchedule(Money.zero("EUR"), false, DEFAULT_LEGAL_CAP);
    }

    public FeeSchedule withB2bFlatFee(boolean charge) {
        return new FeeSchedule(reminderFee, charge, legalCap);
    }
}
