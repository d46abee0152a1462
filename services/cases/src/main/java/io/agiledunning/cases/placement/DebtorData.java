package io.agiledunning.cases.placement;

import io.agiledunning.cases.law.DebtorKind;

import java.util.List;
import java.util.Map;

/**
 * The debtor as the tenant places it. Missing lists count as empty, missing flags as false, blank texts as
 * absent ({@link #normalized()}), so a re-send that differs only in such details changes nothing. Missing
 * {@code attributes} (null) leave the kept ones as they are ({@link DebtorAttributes}); given ones replace them.
 */
public record DebtorData(String externalReference, DebtorKind kind, String name, List<String> emails, List<String> phones,
                         PostalAddress address, String language, String timeZone, String germanState,
                         Boolean deceased, Boolean insolvency, Boolean vulnerable, Map<String, String> attributes) {

    public DebtorData normalized() {
        PostalAddress a = address == null ? new PostalAddress(null, null, null, null) : address;
        return new DebtorData(text(externalReference), kind, text(name), list(emails), list(phones),
                new PostalAddress(text(a.street()), text(a.postalCode()), text(a.city()),
                        a.country() == null || a.country().isBlank() ? null : a.country().strip().toUpperCase(java.util.Locale.ROOT)),
                text(language), text(timeZone), text(germanState),
                Boolean.TRUE.equals(deceased), Boolean.TRUE.equals(insolvency), Boolean.TRUE.equals(vulnerable),
                DebtorAttributes.normalized(attributes));
    }

    /** The same data with {@code kept} attributes where these leave them as they are. */
    public DebtorData keeping(Map<String, String> kept) {
        return attributes != null ? this : new DebtorData(externalReference, kind, name, emails, phones, address, language,
                timeZone, germanState, deceased, insolvency, vulnerable, kept);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(DebtorData::text).filter(v -> v != null).toList();
    }
}
