package io.agiledunning.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The channels a debtor gave consent to contact on changed. {@code consents} is the whole new set, by channel;
 * {@code withdrawn} the channels whose consent ended with this change.
 */
public record DebtorConsentsChanged(UUID debtorId, List<Consent> consents, List<String> withdrawn) implements DomainEvent {

    /** Consent to be contacted on {@code channel}, as the debtor gave it: where ({@code source}) and when. */
    public record Consent(String channel, String source, Instant givenAt) {
    }
}
