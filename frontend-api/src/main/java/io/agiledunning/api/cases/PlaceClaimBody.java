package io.agiledunning.api.cases;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The cases service's request body for {@code POST /api/claims}. */
public record PlaceClaimBody(Debtor debtor, Claim claim) {

    public record Debtor(String externalReference, String kind, String name, List<String> emails, List<String> phones,
                         Address address, String language, String timeZone, String germanState, Boolean deceased,
                         Boolean insolvency, Boolean vulnerable, Map<String, String> attributes) {
    }

    public record Address(String street, String postalCode, String city, String country) {
    }

    public record Claim(String externalReference, String invoiceNumber, LocalDate issueDate, LocalDate dueDate, Money principal,
                        Boolean consumerNotice, Money fees, Money paid) {
    }
}
