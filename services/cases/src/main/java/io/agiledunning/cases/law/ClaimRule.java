package io.agiledunning.cases.law;

/** Why a payment (or part of it) went to a claim, in the terms of § 366 BGB; shown to the debtor. */
public enum ClaimRule {
    DEBTOR_DESIGNATION("§ 366(1) BGB: the debtor named this claim"),
    ONLY_OPEN_CLAIM("the only open claim"),
    ALL_SETTLED("the payment covers every open claim"),
    DUE_BEFORE_NOT_DUE("§ 366(2) BGB: a due claim before one not yet due"),
    MOST_BURDENSOME("§ 366(2) BGB: the more burdensome claim (higher interest rate) first"),
    OLDEST("§ 366(2) BGB: the older claim first"),
    PROPORTIONAL("§ 366(2) BGB: equal ranking claims, in proportion to what is owed");

    private final String explanation;

    ClaimRule(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
