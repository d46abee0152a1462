package io.agiledunning.api.reporting;

import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.errors.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.agiledunning.api.security.Caller.READERS;

@GraphQLApi
public class ReportingGraphQLApi {

    @Type("CaseStats")
    @Description("Cases your tenant placed, in one currency (fed by events, so it may lag a second behind).")
    public record CaseStats(long casesOpened, @NonNull BigDecimal amountPlaced, @NonNull String currency) {
    }

    private final ReportingGateway reporting;
    private final Caller caller;

    public ReportingGraphQLApi(ReportingGateway reporting, Caller caller) {
        this.reporting = reporting;
        this.caller = caller;
    }

    @Query("caseStats")
    public Uni<@NonNull List<@NonNull CaseStats>> caseStats() {
        return caller.withAnyRole(() -> reporting.caseStats().map(stats -> stats.stream()
                                .map(s -> new CaseStats(s.casesOpened(), s.amountPlaced().amount(), s.amountPlaced().currency().getCurrencyCode()))
                                .toList()),
                        READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @ApplicationScoped
    public static class ReportingGateway {

        private final ReportingClient client;

        public ReportingGateway(@RestClient ReportingClient client) {
            this.client = client;
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
                skipOn = ApiException.class)
        public Uni<List<ReportingClient.CaseStatsDto>> caseStats() {
            return client.caseStats();
        }
    }
}
