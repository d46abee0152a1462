package io.agiledunning.common.retention;

import java.time.LocalDate;

/**
 * How long German law makes the creditor keep a kind of record (docs/domain.md, "GDPR and retention"). The period
 * starts at the end of the calendar year in which the record was made (HGB § 257(5), AO § 147(4)); an offboarded
 * tenant's last records are made on its offboarding day, so that day's year is where every period of its data
 * starts. Until then its data is kept with processing restricted.
 */
public enum RetentionClass {
    /** Books and records of account (HGB § 257(1) no. 1, AO § 147(1) no. 1): 10 years. */
    BOOKS(10),
    /** Accounting vouchers (HGB § 257(1) no. 4): 8 years since 2025. */
    VOUCHERS(8),
    /** Business letters sent and received (HGB § 257(1) no. 2, 3): 6 years. */
    BUSINESS_LETTERS(6),
    /** No duty to keep: erased once the tenant had time to download its export archive. */
    NONE(0);

    private final int years;

    RetentionClass(int years) {
        this.years = years;
    }

    public int years() {
        return years;
    }

    /** The first day this class of an offboarded tenant's data may be erased. */
    public LocalDate erasableFrom(LocalDate offboardedOn, int exportGraceDays) {
        return this == NONE
                ? offboardedOn.plusDays(exportGraceDays)
                : LocalDate.of(offboardedOn.getYear() + years + 1, 1, 1);
    }
}
