package io.agiledunning.api.cases;

import io.agiledunning.api.cases.CaseTypes.CaseNode;
import io.agiledunning.api.cases.CaseTypes.ClaimNode;
import io.agiledunning.api.cases.CaseTypes.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The GraphQL schema of debtors. */
public final class DebtorTypes {

    private DebtorTypes() {
    }

    @Type("PostalAddress")
    public record PostalAddress(String street, String postalCode, String city, String country) {
    }

    @Type("Debtor")
    @Description("A person or business owing claims to your tenant. persona: the behaviour cluster reporting assigns (null "
            + "until then); attributes: your own attributes of the debtor, by key, that segment rules match; optedOutChannels: the channels (EMAIL, SMS, LETTER) the debtor does not want to be contacted on; "
            + "restrictedAt: processing restricted (Art. 18 GDPR) since then, the dunning engine leaves the debtor alone; "
            + "erasedAt: personal data erased (Art. 17 GDPR), records under a retention duty kept until retainedUntil "
            + "and deleted at recordsDeletedAt (the debtor stays as the record of it).")
    public record DebtorNode(@NonNull String id, @NonNull String externalReference, @NonNull String kind, @NonNull String name,
                             @NonNull List<@NonNull String> emails, @NonNull List<@NonNull String> phones, PostalAddress address,
                             String language, String timeZone, String germanState, boolean deceased, boolean insolvency,
                             boolean vulnerable, String persona, @NonNull List<@NonNull DebtorAttribute> attributes,
                             @NonNull List<@NonNull String> optedOutChannels,
                             Instant restrictedAt, String restrictionReason, Instant erasedAt, LocalDate retainedUntil,
                             Instant recordsDeletedAt, @NonNull Instant createdAt, @NonNull Instant updatedAt) {
        static DebtorNode of(CaseSearchDtos.DebtorDto d) {
            var a = d.address();
            return new DebtorNode(d.id().toString(), d.externalReference(), d.kind(), d.name(), d.emails(), d.phones(),
                    a == null ? null : new PostalAddress(a.street(), a.postalCode(), a.city(), a.country()), d.language(),
                    d.timeZone(), d.germanState(), d.deceased(), d.insolvency(), d.vulnerable(), d.persona(),
                    DebtorAttribute.of(d.attributes()), d.optedOutChannels() == null ? List.of() : d.optedOutChannels(),
                    d.restrictedAt(), d.restrictionReason(),
                    d.erasedAt(), d.retainedUntil(), d.recordsDeletedAt(), d.createdAt(), d.updatedAt());
        }
    }

    @Type("DebtorAttribute")
    public record DebtorAttribute(@NonNull String key, @NonNull String value) {
        static List<DebtorAttribute> of(java.util.Map<String, String> attributes) {
            return attributes == null ? List.of()
                    : new java.util.TreeMap<>(attributes).entrySet().stream().map(e -> new DebtorAttribute(e.getKey(), e.getValue())).toList();
        }
    }

    @Type("DebtorEdge")
    public record DebtorEdge(@NonNull String cursor, @NonNull DebtorNode node) {
    }

    @Type("DebtorConnection")
    public record DebtorConnection(@NonNull List<@NonNull DebtorEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Type("DebtorDetail")
    @Description("A debtor with all its cases and claims (withdrawn claims included), oldest first.")
    public record DebtorDetail(@NonNull DebtorNode debtor, @NonNull List<@NonNull CaseNode> cases,
                               @NonNull List<@NonNull ClaimNode> claims) {
    }

    @Type("DebtorConsent")
    @Description("The debtor's consent to be contacted on a channel (EMAIL, SMS, LETTER, PHONE): where (source) and when "
            + "(givenAt) the debtor gave it, who recorded it when.")
    public record DebtorConsent(@NonNull String channel, @NonNull String source, @NonNull Instant givenAt,
                                @NonNull String recordedBy, @NonNull Instant recordedAt) {
        static DebtorConsent of(CaseSearchDtos.ConsentDto c) {
            return new DebtorConsent(c.channel(), c.source(), c.givenAt(), c.recordedBy(), c.recordedAt());
        }
    }

    @Input("DebtorConsentInput")
    @Description("A consent the debtor gave: channel (EMAIL, SMS, LETTER, PHONE), where (source, e.g. \"web form\") and "
            + "when (givenAt, not in the future).")
    public record DebtorConsentInput(@NonNull String channel, @NonNull String source, @NonNull Instant givenAt) {
    }

    @Type("DebtorErasure")
    @Description("What erasing a debtor kept, pseudonymized, under a retention duty until retainedUntil (null: nothing), "
            + "and what it deleted.")
    public record DebtorErasure(@NonNull String debtorId, @NonNull Instant erasedAt, LocalDate retainedUntil, int casesKept,
                                int claimsKept, int paymentsKept, int contactsKept, int handoverPackagesKept,
                                int timelineEntriesRedacted, int consentsDeleted, int searchTermsDeleted) {
        static DebtorErasure of(CaseSearchDtos.ErasureDto e) {
            return new DebtorErasure(e.debtorId().toString(), e.erasedAt(), e.retainedUntil(), e.casesKept(), e.claimsKept(),
                    e.paymentsKept(), e.contactsKept(), e.handoverPackagesKept(), e.timelineEntriesRedacted(), e.consentsDeleted(),
                    e.searchTermsDeleted());
        }
    }
}
