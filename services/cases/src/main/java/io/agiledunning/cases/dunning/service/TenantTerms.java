package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.common.money.Money;

import java.util.Objects;

/**
 * What a tenant decided for all its cases and the engine needs for each decision, read once per chunk: its contact
 * policy and its flat reminder fee (legal settings), charged by steps without a fee of their own.
 */
record TenantTerms(ContactPolicy policy, Money reminderFee) {

    TenantTerms {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reminderFee, "reminderFee");
    }
}
