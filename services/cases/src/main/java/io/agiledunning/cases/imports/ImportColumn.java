package io.agiledunning.cases.imports;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an import CSV, each with its English and German header (docs/import.md) and the placement
 * field it fills. Headers match ignoring case, spaces, hyphens and umlaut spelling ({@code Fälligkeitsdatum}
 * = {@code faelligkeitsdatum} = {@code FAELLIGKEITSDATUM}).
 */
public enum ImportColumn {
    DEBTOR_REFERENCE("debtor_reference", "schuldner_referenz", "debtor.externalReference", true),
    DEBTOR_KIND("debtor_kind", "schuldner_art", "debtor.kind", true),
    DEBTOR_NAME("debtor_name", "schuldner_name", "debtor.name", true),
    EMAIL("email", "e_mail", "debtor.emails", false),
    PHONE("phone", "telefon", "debtor.phones", false),
    STREET("street", "strasse", "debtor.address.street", false),
    POSTAL_CODE("postal_code", "plz", "debtor.address.postalCode", false),
    CITY("city", "ort", "debtor.address.city", false),
    COUNTRY("country", "land", "debtor.address.country", false),
    LANGUAGE("language", "sprache", "debtor.language", false),
    TIME_ZONE("time_zone", "zeitzone", "debtor.timeZone", false),
    GERMAN_STATE("german_state", "bundesland", "debtor.germanState", false),
    DECEASED("deceased", "verstorben", "debtor.deceased", false),
    INSOLVENCY("insolvency", "insolvenz", "debtor.insolvency", false),
    VULNERABLE("vulnerable", "schutzbeduerftig", "debtor.vulnerable", false),
    CLAIM_REFERENCE("claim_reference", "forderung_referenz", "claim.externalReference", true),
    INVOICE_NUMBER("invoice_number", "rechnungsnummer", "claim.invoiceNumber", true),
    ISSUE_DATE("issue_date", "rechnungsdatum", "claim.issueDate", true),
    DUE_DATE("due_date", "faelligkeitsdatum", "claim.dueDate", true),
    PRINCIPAL("principal", "hauptforderung", "claim.principal", true),
    CURRENCY("currency", "waehrung", "claim.principal.currency", true),
    FEES("fees", "gebuehren", "claim.fees", false),
    PAID("paid", "gezahlt", "claim.paid", false),
    CONSUMER_NOTICE("consumer_notice", "verbraucherhinweis", "claim.consumerNotice", false);

    private final String english;
    private final String german;
    private final String path;
    private final boolean required;

    ImportColumn(String english, String german, String path, boolean required) {
        this.english = english;
        this.german = german;
        this.path = path;
        this.required = required;
    }

    public String english() {
        return english;
    }

    public String german() {
        return german;
    }

    /** The placement field ({@code claim.dueDate}) whose validation errors belong to this column. */
    public String path() {
        return path;
    }

    public boolean required() {
        return required;
    }

    public static Optional<ImportColumn> ofHeader(String header) {
        String key = normalized(header);
        return Arrays.stream(values()).filter(c -> c.english.equals(key) || c.german.equals(key)).findFirst();
    }

    /** The column whose errors a validation path ({@code claim.fees.currency}) names: the longest matching prefix. */
    public static Optional<ImportColumn> ofPath(String path) {
        ImportColumn best = null;
        for (ImportColumn c : values()) {
            if ((path.equals(c.path) || path.startsWith(c.path + ".")) && (best == null || c.path.length() > best.path.length())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    static String normalized(String header) {
        String lower = header.strip().toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFC).replaceAll("[\\s\\-]+", "_");
    }
}
