package io.agiledunning.cases.api;

import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.placement.PostalAddress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DebtorView(UUID id, String externalReference, String kind, String name, List<String> emails, List<String> phones,
                         PostalAddress address, String language, String timeZone, String germanState, boolean deceased,
                         boolean insolvency, boolean vulnerable, String persona, List<String> optedOutChannels,
                         Instant createdAt, Instant updatedAt) {

    public static DebtorView of(Debtor d) {
        return new DebtorView(d.id(), d.externalReference(), d.kind().name(), d.name(), d.emails(), d.phones(), d.address(),
                d.language(), d.timeZone(), d.germanState(), d.deceased(), d.insolvency(), d.vulnerable(), d.persona(),
                d.optedOutChannels().stream().sorted().toList(), d.createdAt(), d.updatedAt());
    }
}
