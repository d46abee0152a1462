package io.agiledunning.api.platform;

import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantNode;
import io.agiledunning.api.platform.TenantOffboarding.ServiceRetention;
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

import java.util.List;

/** Platform admins end a tenant's contract and follow what is kept of its data until when (docs/offboarding.md). */
@GraphQLApi
public class TenantOffboardingGraphQLApi {

    private final TenantOffboarding offboarding;
    private final Caller caller;

    public TenantOffboardingGraphQLApi(TenantOffboarding offboarding, Caller caller) {
        this.offboarding = offboarding;
        this.caller = caller;
    }

    @Mutation("offboardTenant")
    @Description("Platform admins: ends a tenant's contract, for good. Its users and API clients are FORBIDDEN from "
            + "the next request on, its organization is disabled, dunning stops, and every service keeps its data with "
            + "processing restricted until retention allows erasure (see tenantRetention). Download the export archive "
            + "from GET /api/platform/tenants/{tenantId}/export. Repeating it completes an interrupted offboarding.")
    public Uni<@NonNull TenantNode> offboardTenant(@Name("tenantId") @Id @NonNull String tenantId, @Name("reason") @NonNull String reason) {
        return caller.withAnyRole(() -> GraphQLIds.parse(tenantId, "tenant").chain(id -> offboarding.offboard(id, reason)),
                        Roles.PLATFORM_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("tenantRetention")
    @Description("Platform admins: per service, what it keeps of an offboarded tenant, its retention class, from which "
            + "day it may be erased, and what was erased when. schedule is null where nothing was recorded.")
    public Uni<@NonNull List<@NonNull ServiceRetention>> tenantRetention(@Name("tenantId") @Id @NonNull String tenantId) {
        return caller.withAnyRole(() -> GraphQLIds.parse(tenantId, "tenant").chain(offboarding::retention), Roles.PLATFORM_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }
}
