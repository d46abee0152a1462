package io.agiledunning.cases.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long the records of an erased debtor must be kept (DOMAIN.md "GDPR and retention"; § 257 HGB, § 147 AO).
 * Claims (invoices), payments and their allocations are accounting vouchers: 8 years (since 2025); the dunning letters
 * sent and the handover packages are business letters sent: 6 years. A period runs from the end of the calendar year
 * in which the record was made or last changed (§ 257(5) HGB, § 147(4) AO), so it ends on 31 December.
 */
public final class Retention {

    public static final int VOUCHER_YEARS = 8;
    public static final int LETTER_YEARS = 6;

    private Retention() {
    }

    /** The last day any of the records must be kept; empty when there is none. */
    public static Optional<LocalDate> until(Collection<LocalDate> vouchers, Collection<LocalDate> letters) {
        return Stream.concat(vouchers.stream().map(day -> endOf(day, VOUCHER_YEARS)), letters.stream().map(day -> endOf(day, LETTER_YEARS)))
                .max(LocalDate::compareTo);
    }

    /** The last day a record of {@code day} must be kept for {@code years}. */
    public static LocalDate endOf(LocalDate day, int years) {
        return LocalDate.of(day.getYear() + years, 12, 31);
    }
}
