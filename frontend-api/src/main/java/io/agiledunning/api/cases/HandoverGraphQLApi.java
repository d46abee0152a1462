package io.agiledunning.api.cases;

import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

import static io.agiledunning.api.security.Caller.READERS;

/** How a handed-over case's package travels to the agency, and the key its webhooks are signed with (docs/dunning.md). */
@GraphQLApi
public class HandoverGraphQLApi {


    @Type("HandoverDelivery")
    @Description("The delivery of a handed-over case's package on the tenant's DROP_FOLDER or WEBHOOK channel: "
            + "attempts so far, when it was delivered (null until then), when it is tried next, the last error.")
    public record HandoverDelivery(@NonNull String channel, String target, int attempts, Instant deliveredAt,
                                   Instant nextAttemptAt, String lastError) {
        static HandoverDelivery of(HandoverClient.DeliveryDto d) {
            return new HandoverDelivery(d.channel(), d.target(), d.attempts(), d.deliveredAt(), d.nextAttemptAt(), d.lastError());
        }
    }

    @Type("HandoverWebhookSecret")
    @Description("The key the tenant's handover webhooks are signed with from now on; shown only in this answer.")
    public record HandoverWebhookSecret(@NonNull String secret, @NonNull Instant createdAt) {
        static HandoverWebhookSecret of(HandoverClient.WebhookSecretDto s) {
            return new HandoverWebhookSecret(s.secret(), s.createdAt());
        }
    }

    private final CasesGateway cases;
    private final Caller caller;

    public HandoverGraphQLApi(CasesGateway cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @Query("caseHandoverDelivery")
    @Description("The delivery state of a handed-over case's package. NOT_FOUND for a case that was not handed over "
            + "on a delivering channel (DOWNLOAD hands over nothing), and for another tenant's case.")
    public Uni<@NonNull HandoverDelivery> caseHandoverDelivery(@Name("caseId") @Id @NonNull String caseId) {
        return caller.withAnyRole(() -> GraphQLIds.parse(caseId, "case").chain(cases::handoverDelivery)
                        .map(HandoverDelivery::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("rotateHandoverWebhookSecret")
    @Description("Creates or replaces the key the tenant's handover webhooks are signed with; the old key signs nothing "
            + "from now on. The secret is in this answer only: pass it to the agency.")
    public Uni<@NonNull HandoverWebhookSecret> rotateHandoverWebhookSecret() {
        return caller.withAnyRole(() -> cases.rotateHandoverWebhookSecret().map(HandoverWebhookSecret::of), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }
}
