package io.agiledunning.api.cases;

import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The base-rate table behind every interest amount: readable by every signed-in user, extended by platform admins. */
@GraphQLApi
public class BaseRateGraphQLApi {

    private static final String[] ANY_ROLE = {Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER};

    @Type("BaseRate")
    @Description("The base rate (§ 247 BGB) from validFrom for six months, in percent. addedBy/addedAt are null for "
            + "rates bundled with the release.")
    public record BaseRate(@NonNull LocalDate validFrom, @NonNull BigDecimal percent, @NonNull String source,
                           String addedBy, Instant addedAt) {
        static BaseRate of(BaseRatesClient.BaseRateDto dto) {
            return new BaseRate(dto.validFrom(), dto.percent(), dto.source(), dto.addedBy(), dto.addedAt());
        }
    }

    @Input("AddBaseRateInput")
    @Description("The next half-year's base rate as published by the Deutsche Bundesbank: validFrom is 1 January or "
            + "1 July directly after the last rate in the table; percent has at most two decimals; source names the "
            + "publication.")
    public record AddBaseRateInput(@NonNull LocalDate validFrom, @NonNull BigDecimal percent, @NonNull String source) {
    }

    private final CasesGateway cases;
    private final Caller caller;

    public BaseRateGraphQLApi(CasesGateway cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @Query("baseRates")
    @Description("Every base rate in force, oldest first.")
    public Uni<@NonNull List<@NonNull BaseRate>> baseRates() {
        return caller.withAnyRole(() -> cases.baseRates().map(rates -> rates.stream().map(BaseRate::of).toList()), ANY_ROLE)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("addBaseRate")
    @Description("Adds the next half-year's base rate (platform admins only). Any other half-year is VALIDATION on "
            + "validFrom; the same half-year added twice at once is CONFLICT for the second.")
    public Uni<@NonNull BaseRate> addBaseRate(@Name("input") @NonNull AddBaseRateInput input) {
        return caller.withAnyRole(() -> cases.addBaseRate(
                                new BaseRatesClient.AddBaseRateBody(input.validFrom(), input.percent(), input.source()))
                        .map(BaseRate::of), Roles.PLATFORM_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }
}
