package io.agiledunning.common.events;

import java.util.List;
import java.util.UUID;

/** A debtor's channel opt-outs changed (e.g. "no e-mails"); {@code channels} is the whole new set, sorted. */
public record DebtorOptOutsChanged(UUID debtorId, List<String> channels, String reason) implements DomainEvent {
}
