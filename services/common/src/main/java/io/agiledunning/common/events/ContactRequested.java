package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.util.List;
import java.util.UUID;

/**
 * A command of the dunning engine to the communications service: contact the debtor of a case on
 * {@code channel} with {@code template}. {@code idempotencyKey} ({@code caseId:stepKey:sequence}) is the same
 * whenever the same decision is replayed, so a consumer sends at most once per key.
 *
 * @param fee     the step's reminder fee, to be shown in the message
 * @param offers  PAY_NOW, INSTALLMENT_PLAN, DEFERRAL
 * @param reasons why this contact, on this channel, now (the decision's explanation)
 */
public record ContactRequested(UUID caseId, UUID debtorId, String idempotencyKey, String strategyKey, int strategyVersion,
                               String stepKey, int sequence, String channel, String template, String tone, Money fee,
                               List<String> offers, List<String> reasons) implements DomainEvent {
}
