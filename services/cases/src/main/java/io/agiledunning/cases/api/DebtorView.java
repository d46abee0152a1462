package io.agiledunning.cases.api;

import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.placement.PostalAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A debtor. {@code restrictedAt}: processing restricted (Art. 18 GDPR) since then, with its reason; {@code erasedAt}:
 * personal data erased (Art. 17), the records a retention duty keeps are kept until {@code retainedUntil} and were deleted
 * at {@code recordsDeletedAt} (the debtor stays as this tombstone).
 */
public record DebtorView(UUID id, String externalReference, String kind, String name, List<String> emails, List<String> phones,
                         PostalAddress address, String language, String timeZone, String germanState, boolean deceased,
                         boolean insolvency, boolean vulnerable, String persona, Map<String, String> attributes,
                         List<String> optedOutChannels,
                         Instant restrictedAt, String restrictionReason, Instant erasedAt, LocalDate retainedUntil,
                         Instant recordsDeletedAt, Instant createdAt, Instant updatedAt) {

    public static DebtorView of(Debtor d) {
        return new DebtorView(d.id(), d.externalReference(), d.kind().name(), d.name(), d.emails(), d.phones(), d.address(),
                d.language(), d.timeZone(), d.germanState(), d.deceased(), d.insolvency(), d.vulnerable(), d.persona(),
                d.attributes(), d.optedOutChannels().stream().sorted().toList(), d.restrictedAt(), d.restrictionReason(), d.erasedAt(),
                d.retainedUntil(), d.recordsDeletedAt(), d.createdAt(), d.updatedAt());
    }
}
