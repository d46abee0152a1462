package io.agiledunning.api.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the cases service answers to case searches and debtor reads. */
public final class CaseSearchDtos {

    private CaseSearchDtos() {
    }

    /** One case of {@code GET /api/cases/search}: its cursor, the case and its next planned action. */
    public record CaseListItem(String cursor, @JsonProperty("case") CaseDto listedCase, Instant nextActionAt) {
    }

    public record Address(String street, String postalCode, String city, String country) {
    }

    public record DebtorDto(UUID id, String externalReference, String kind, String name, List<String> emails, List<String> phones,
                            Address address, String language, String timeZone, String germanState, boolean deceased,
                            boolean insolvency, boolean vulnerable, String persona, java.util.Map<String, String> attributes,
                            List<String> optedOutChannels,
                            Instant restrictedAt, String restrictionReason, Instant erasedAt, java.time.LocalDate retainedUntil,
                            Instant recordsDeletedAt, Instant createdAt, Instant updatedAt) {
    }

    /** A debtor's consent to be contacted on a channel, as the cases service answers it. */
    public record ConsentDto(String channel, String source, Instant givenAt, String recordedBy, Instant recordedAt) {
    }

    /** What the cases service's erasure of a debtor kept and deleted. */
    public record ErasureDto(UUID debtorId, Instant erasedAt, java.time.LocalDate retainedUntil, int casesKept, int claimsKept,
                             int paymentsKept, int contactsKept, int handoverPackagesKept, int timelineEntriesRedacted,
                             int consentsDeleted, int searchTermsDeleted) {
    }

    /** The filters of {@code GET /api/cases/search}, as query parameters. */
    public record CaseFilterParams(List<String> status, String currency, java.math.BigDecimal minAmount,
                                   java.math.BigDecimal maxAmount, Integer minDaysPastDue, Integer maxDaysPastDue,
                                   String segment, String persona, String q) {
    }

}
