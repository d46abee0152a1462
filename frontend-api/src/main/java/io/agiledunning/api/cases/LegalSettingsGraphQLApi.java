package io.agiledunning.api.cases;

import io.agiledunning.api.cases.CaseTypes.MoneyAmount;
import io.agiledunning.api.cases.CaseTypes.MoneyInput;
import io.agiledunning.api.errors.GraphQLApiException;
import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.Caller;
import io.agiledunning.api.security.PropagateCallerToken;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.agiledunning.api.security.Caller.READERS;

/** The tenant's legal settings behind every fee and interest amount (docs/domain.md, "Tenant settings"). */
@GraphQLApi
public class LegalSettingsGraphQLApi {

    @Type("LegalSettings")
    @Description("What the tenant claims and how its figures are computed. reminderFee is charged per reminder except "
            + "the first and the default-creating one, at most reminderFeeCap; chargeB2bFlatFee claims the EUR 40 of "
            + "§ 288(5) BGB from business debtors; interestCapPercent (null: the full statutory rate) lowers the default "
            + "interest rate, never raises it; allocationOrder is COSTS_INTEREST_PRINCIPAL (§ 367(1) BGB) or "
            + "COSTS_PRINCIPAL_INTEREST (§ 497(3) BGB); firstInterestDay, paymentDayBearsInterest, dayCount and rounding "
            + "are the calculation conventions. version 0 (changedBy null) is the platform default.")
    public record LegalSettings(int version, @NonNull MoneyAmount reminderFee, @NonNull MoneyAmount reminderFeeCap,
                                boolean chargeB2bFlatFee, BigDecimal interestCapPercent, @NonNull String allocationOrder,
                                @NonNull String firstInterestDay, boolean paymentDayBearsInterest, @NonNull String dayCount,
                                @NonNull String rounding, String changedBy, Instant changedAt) {
        static LegalSettings of(LegalSettingsClient.LegalSettingsDto d) {
            return new LegalSettings(d.version(), MoneyAmount.of(d.reminderFee()), MoneyAmount.of(d.reminderFeeCap()),
                    d.chargeB2bFlatFee(), d.interestCapPercent(), d.allocationOrder(), d.firstInterestDay(),
                    d.paymentDayBearsInterest(), d.dayCount(), d.rounding(), d.changedBy(), d.changedAt());
        }
    }

    @Input("ChangeLegalSettingsInput")
    @Description("Only the fields given change; statutoryInterest: true removes an interest cap. Every wrong value is a "
            + "VALIDATION error naming its field.")
    public record ChangeLegalSettingsInput(MoneyInput reminderFee, Boolean chargeB2bFlatFee, BigDecimal interestCapPercent,
                                           Boolean statutoryInterest, String allocationOrder, String firstInterestDay,
                                           Boolean paymentDayBearsInterest, String dayCount, String rounding) {
        LegalSettingsClient.ChangeBody toBody() throws GraphQLApiException {
            return new LegalSettingsClient.ChangeBody(reminderFee == null ? null : reminderFee.toMoney("reminderFee"),
                    chargeB2bFlatFee, interestCapPercent, statutoryInterest, allocationOrder, firstInterestDay,
                    paymentDayBearsInterest, dayCount, rounding);
        }
    }

    private final LegalSettingsGateway settings;
    private final Caller caller;

    public LegalSettingsGraphQLApi(LegalSettingsGateway settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @Query("legalSettings")
    @Description("The tenant's legal settings in force.")
    public Uni<@NonNull LegalSettings> legalSettings() {
        return caller.withAnyRole(() -> settings.current().map(LegalSettings::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("legalSettingsHistory")
    @Description("Every version the tenant saved, newest first: who changed the settings and when.")
    public Uni<@NonNull List<@NonNull LegalSettings>> legalSettingsHistory() {
        return caller.withAnyRole(() -> settings.history().map(list -> list.stream().map(LegalSettings::of).toList()), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("changeLegalSettings")
    @Description("Saves the next version of the tenant's legal settings (tenant admins only). Applies to statements and "
            + "allocations from now on; stored allocations stay as made.")
    public Uni<@NonNull LegalSettings> changeLegalSettings(@Name("input") @NonNull ChangeLegalSettingsInput input) {
        return caller.withAnyRole(() -> body(input).chain(settings::change).map(LegalSettings::of), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    private static Uni<LegalSettingsClient.ChangeBody> body(ChangeLegalSettingsInput input) {
        try {
            return Uni.createFrom().item(input.toBody());
        } catch (GraphQLApiException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The cases service's legal-settings API, called with the caller's own token. */
    @Path("/api/legal-settings")
    @RegisterRestClient(configKey = "cases")
    @RegisterProvider(ServiceErrorMapper.class)
    @RegisterProvider(PropagateCallerToken.class)
    public interface LegalSettingsClient {

        record LegalSettingsDto(int version, Money reminderFee, Money reminderFeeCap, boolean chargeB2bFlatFee,
                                BigDecimal interestCapPercent, String allocationOrder, String firstInterestDay,
                                boolean paymentDayBearsInterest, String dayCount, String rounding, String changedBy,
                                Instant changedAt) {
        }

        record ChangeBody(Money reminderFee, Boolean chargeB2bFlatFee, BigDecimal interestCapPercent,
                          Boolean statutoryInterest, String allocationOrder, String firstInterestDay,
                          Boolean paymentDayBearsInterest, String dayCount, String rounding) {
        }

        @GET
        Uni<LegalSettingsDto> current();

        @GET
        @Path("/history")
        Uni<List<LegalSettingsDto>> history();

        @PUT
        Uni<LegalSettingsDto> change(ChangeBody body);
    }

    /**
     * Reads: 3 s, two retries; the change is not retried (a retry after a lost answer would save a second version).
     * Errors the service reported are answers, not failures, and never trip the breaker.
     */
    @ApplicationScoped
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    public static class LegalSettingsGateway {

        private final LegalSettingsClient client;

        public LegalSettingsGateway(@RestClient LegalSettingsClient client) {
            this.client = client;
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<LegalSettingsClient.LegalSettingsDto> current() {
            return client.current();
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<List<LegalSettingsClient.LegalSettingsDto>> history() {
            return client.history();
        }

        public Uni<LegalSettingsClient.LegalSettingsDto> change(LegalSettingsClient.ChangeBody body) {
            return client.change(body);
        }
    }
}
