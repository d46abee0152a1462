package io.agiledunning.cases.dunning.engine;

import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * One action of a preview: a contact ({@code step}, {@code channel} and the {@code fee} its letter would name —
 * zero on a case's first contact) or a lifecycle step such as the handover ({@code command} set, no fee), when it
 * would happen and why.
 */
public record PlannedAction(Instant at, String step, String channel, String template, Money fee, String command,
                            List<String> reasons) {
}
