package io.agiledunning.api.cases;

import io.agiledunning.api.cases.CaseTypes.CaseNode;
import io.agiledunning.api.cases.CaseTypes.ClaimNode;
import io.agiledunning.api.cases.CaseTypes.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
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
            + "until then); optedOutChannels: the channels (EMAIL, SMS, LETTER) the debtor does not want to be contacted on.")
    public record DebtorNode(@NonNull String id, @NonNull String externalReference, @NonNull String kind, @NonNull String name,
                             @NonNull List<@NonNull String> emails, @NonNull List<@NonNull String> phones, PostalAddress address,
                             String language, String timeZone, String germanState, boolean deceased, boolean insolvency,
                             boolean vulnerable, String persona, @NonNull List<@NonNull String> optedOutChannels,
                             @NonNull Instant createdAt, @NonNull Instant updatedAt) {
        static DebtorNode of(CaseSearchDtos.DebtorDto d) {
            var a = d.address();
            return new DebtorNode(d.id().toString(), d.externalReference(), d.kind(), d.name(), d.emails(), d.phones(),
                    a == null ? null : new PostalAddress(a.street(), a.postalCode(), a.city(), a.country()), d.language(),
                    d.timeZone(), d.germanState(), d.deceased(), d.insolvency(), d.vulnerable(), d.persona(),
                    d.optedOutChannels() == null ? List.of() : d.optedOutChannels(), d.createdAt(), d.updatedAt());
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
}
