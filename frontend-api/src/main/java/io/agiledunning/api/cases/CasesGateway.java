package io.agiledunning.api.cases;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every call to the cases service goes through here. Each method has its own circuit breaker and a 5 s
 * timeout (class level); reads get 3 s and two retries. Writes are not retried: a retry after a lost
 * answer would meet the case it already changed. Errors the service reported ({@code ApiException}) are
 * not failures of the service and neither trip the breaker nor get retried.
 */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ApiException.class)
public class CasesGateway {

    private final CasesClient client;
    private final ClaimsClient claims;

    private final BaseRatesClient baseRates;
    private final DebtorsClient debtors;
    private final HandoverClient handover;

    public CasesGateway(@RestClient CasesClient client, @RestClient ClaimsClient claims,
                        @RestClient BaseRatesClient baseRates, @RestClient DebtorsClient debtors,
                        @RestClient HandoverClient handover) {
        this.client = client;
        this.claims = claims;
        this.baseRates = baseRates;
        this.debtors = debtors;
        this.handover = handover;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<Page<CaseSearchDtos.CaseListItem>> search(CaseSearchDtos.CaseFilterParams f, String sort, String direction,
                                                         int first, String after) {
        return client.search(f.status(), f.currency(), f.minAmount(), f.maxAmount(), f.minDaysPastDue(),
                f.maxDaysPastDue(), f.segment(), f.persona(), f.q(), sort, direction, first, after);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<Page<CaseSearchDtos.DebtorDto>> debtors(String q, String persona, int first, String after) {
        return debtors.list(q, persona, first, after);
    }

    /** Not retried: an opt-out replaces the set, but each change is a timeline entry and an event. */
    public Uni<CaseSearchDtos.DebtorDto> optOuts(UUID id, List<String> channels, String reason) {
        return debtors.optOuts(id, new DebtorsClient.OptOutsBody(channels, reason));
    }

    /** Not retried, like opt-outs. */
    public Uni<CaseSearchDtos.DebtorDto> attributes(UUID id, Map<String, String> attributes) {
        return debtors.attributes(id, new DebtorsClient.AttributesBody(attributes));
    }

    /** Read, but a whole debtor's history: 10 s, retried. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<String> debtorExport(UUID id) {
        return debtors.export(id);
    }

    /** Not retried: each change is a timeline entry and an event (the same state again changes nothing). */
    public Uni<CaseSearchDtos.DebtorDto> restriction(UUID id, boolean restricted, String reason) {
        return debtors.restriction(id, new DebtorsClient.RestrictionBody(restricted, reason));
    }

    /** Not retried: a second erasure is CONFLICT. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<CaseSearchDtos.ErasureDto> erasure(UUID id, String reason) {
        return debtors.erasure(id, new DebtorsClient.ErasureBody(reason));
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<CaseSearchDtos.ConsentDto>> consents(UUID id) {
        return debtors.consents(id);
    }

    /** Not retried, like opt-outs. */
    public Uni<List<CaseSearchDtos.ConsentDto>> setConsents(UUID id, List<DebtorsClient.ConsentBody> consents) {
        return debtors.setConsents(id, new DebtorsClient.ConsentsBody(consents));
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<CaseSearchDtos.DebtorDto> debtor(UUID id) {
        return debtors.get(id);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<CaseDto>> debtorCases(UUID id) {
        return debtors.cases(id);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<ClaimDto>> debtorClaims(UUID id) {
        return debtors.claims(id);
    }

    /**
     * Not retried here although placement is idempotent: a retry after a timeout could overlap the first
     * attempt still running; the client re-sends instead (an identical re-send is UNCHANGED).
     */
    public Uni<PlaceClaimResultDto> placeClaim(PlaceClaimBody body, String correlationId) {
        return claims.place(body, correlationId);
    }

    /** Not retried, like {@link #placeClaim}: the client re-sends (the same change again is UNCHANGED). */
    public Uni<ClaimChangeResultDto> updateClaim(ClaimChangeResultDto.UpdateBody body, String correlationId) {
        return claims.update(body, correlationId);
    }

    /** Not retried, like {@link #placeClaim}: the client re-sends (withdrawing again is UNCHANGED). */
    public Uni<ClaimChangeResultDto> withdrawClaim(ClaimChangeResultDto.WithdrawalBody body, String correlationId) {
        return claims.withdraw(body, correlationId);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<ClaimDto>> claims(UUID caseId) {
        return client.claims(caseId);
    }

    public Uni<CaseDto> open(OpenCaseRequest request, String correlationId) {
        return client.open(request, correlationId);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<CaseDto> get(UUID id) {
        return client.get(id);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<Page<CaseDto>> list(int first, String after) {
        return client.list(first, after);
    }

    /** Not retried: a retry after a lost answer would meet a case that already moved on (and be refused). */
    public Uni<CaseDto> command(UUID id, CaseCommandBody command, String correlationId) {
        return client.command(id, command, correlationId);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<TimelineEntryDto>> timeline(UUID id) {
        return client.timeline(id);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<CaseStatementDto> statement(UUID id, LocalDate asOf) {
        return client.statement(id, asOf.toString());
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<BaseRatesClient.BaseRateDto>> baseRates() {
        return baseRates.list();
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<HandoverClient.DeliveryDto> handoverDelivery(UUID caseId) {
        return handover.delivery(caseId);
    }

    /** Not retried: a retry after a lost answer would replace the secret the caller never saw by yet another one. */
    public Uni<HandoverClient.WebhookSecretDto> rotateHandoverWebhookSecret() {
        return handover.rotateWebhookSecret();
    }

    /** Not retried: a retry after a lost answer would find the half-year already added (and be refused). */
    public Uni<BaseRatesClient.BaseRateDto> addBaseRate(BaseRatesClient.AddBaseRateBody body) {
        return baseRates.add(body);
    }
}
