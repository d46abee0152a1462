package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Short names for the worked cases. */
final class LawFixtures {

    static final BaseRateTable RATES = BaseRateTable.bundled();

    private LawFixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LegalEngine engine() {
        return new LegalEngine(RATES, Conventions.defaults(), FeeSchedule.of("1.50"));
    }

    static LegalEngine engine(Conventions conventions) {
        return new LegalEngine(RATES, conventions, FeeSchedule.of("1.50"));
    }

    static LegalEngine engine(FeeSchedule fees) {
        return new LegalEngine(RATES, Conventions.defaults(), fees);
    }

    static Claim consumer(String id, String principal, String arose, String due) {
        return Claim.of(id, eur(principal), d(arose), d(due), DebtorKind.CONSUMER);
    }

    static Claim business(String id, String principal, String arose, String due) {
        return Claim.of(id, eur(principal), d(arose), d(due), DebtorKind.BUSINESS);
    }

    static ClaimStatement statement(LegalEngine engine, Claim claim, List<Payment> payments, String asOf) {
        return engine.debtorStatement(List.of(claim), payments, d(asOf)).claims().getFirst();
    }
}
