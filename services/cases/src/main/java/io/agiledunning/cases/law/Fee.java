package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;

/** A cost charged on a claim; both kinds are "costs" for allocation (§ 367) and never bear interest. */
public record Fee(Kind kind, LocalDate chargedOn, Money amount, String basis) {

    public enum Kind {
        REMINDER_FEE,
        /** § 288(5) BGB, business debtors, once per claim; set off against later legal-pursuit costs. */
        B2B_FLAT_FEE
    }
}
