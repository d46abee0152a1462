package io.agiledunning.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.payments.config.PaymentsConfig;
import io.agiledunning.payments.connect.AccountState;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * The platform's calls to Stripe, through one {@link StripeClient} instance (no global {@code Stripe.apiKey}),
 * whose API base is configurable so tests talk to the fake in test-support. stripe-java blocks: each call
 * runs on a worker thread and continues on the caller's Vert.x context, where Hibernate Reactive sessions live.
 * Stripe failing becomes UNAVAILABLE (the caller retries); nothing of Stripe's messages reaches a client.
 */
@ApplicationScoped
public class StripeApi {

    private static final Logger LOG = Logger.getLogger(StripeApi.class);

    /** A link to Stripe's hosted onboarding, valid until {@code expiresAt} and usable once. */
    public record OnboardingLink(String url, Instant expiresAt) {
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T call(StripeClient client) throws StripeException;
    }

    private final PaymentsConfig.Stripe config;
    private final Optional<StripeClient> client;

    public StripeApi(PaymentsConfig config) {
        this.config = config.stripe();
        this.client = this.config.apiKey().filter(key -> !key.isBlank()).map(key -> StripeClient.builder()
                .setApiKey(key)
                .setApiBase(this.config.apiBase())
                .setConnectTimeout((int) this.config.timeout().toMillis())
                .setReadTimeout((int) this.config.timeout().toMillis())
                .setMaxNetworkRetries(this.config.maxNetworkRetries())
                .build());
    }

    /**
     * Creates the tenant's connected account. The idempotency key is the tenant's, so two attempts (a double
     * click, a retry after a lost answer) within Stripe's 24 h key window yield the same account.
     */
    public Uni<AccountState> createConnectedAccount(TenantId tenant, String tenantAlias) {
        AccountCreateParams.Builder params = AccountCreateParams.builder()
                .setType(config.accountType() == PaymentsConfig.AccountType.EXPRESS
                        ? AccountCreateParams.Type.EXPRESS : AccountCreateParams.Type.STANDARD)
                .setCountry(config.country())
                .putMetadata("tenant_id", tenant.toString());
        if (tenantAlias != null) {
            params.putMetadata("tenant_alias", tenantAlias);
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("agiledunning-connected-account-" + tenant).build();
        return call("create a connected account", stripe -> state(stripe.v1().accounts().create(params.build(), options)));
    }

    public Uni<AccountState> retrieveAccount(String accountId) {
        return call("read the connected account", stripe -> state(stripe.v1().accounts().retrieve(accountId)));
    }

    public Uni<OnboardingLink> createOnboardingLink(String accountId) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setReturnUrl(config.returnUrl())
                .setRefreshUrl(config.refreshUrl())
                .build();
        return call("create an onboarding link", stripe -> {
            AccountLink link = stripe.v1().accountLinks().create(params);
            return new OnboardingLink(link.getUrl(), Instant.ofEpochSecond(link.getExpiresAt()));
        });
    }

    private static AccountState state(Account account) {
        return new AccountState(account.getId(), Boolean.TRUE.equals(account.getChargesEnabled()),
                Boolean.TRUE.equals(account.getPayoutsEnabled()), Boolean.TRUE.equals(account.getDetailsSubmitted()));
    }

    private <T> Uni<T> call(String action, StripeCall<T> work) {
        if (client.isEmpty()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.UNAVAILABLE,
                    "card payments are not set up on this platform (no Stripe key configured)"));
        }
        Context context = Vertx.currentContext();
        Uni<T> onWorker = Uni.createFrom().<T>emitter(emitter -> {
                    try {
                        emitter.complete(work.call(client.get()));
                    } catch (StripeException e) {
                        emitter.fail(translate(action, e));
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? onWorker : onWorker.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static ApiException translate(String action, StripeException e) {
        if (e instanceof IdempotencyException) {
            // The same key is in flight (a concurrent attempt) or was used with other parameters.
            LOG.warnf("Stripe refused to %s: idempotency key in use (%s)", action, e.getStripeError() == null ? e.getCode() : e.getStripeError().getType());
            return new ApiException(ErrorCode.CONFLICT, "Stripe onboarding is being started by another request; retry in a moment");
        }
        if (e instanceof AuthenticationException) {
            LOG.errorf("Stripe refused the platform's API key to %s (request %s)", action, e.getRequestId());
            return new ApiException(ErrorCode.UNAVAILABLE, "the payment provider refused the platform's credentials; please retry later");
        }
        if (e instanceof ApiConnectionException) {
            LOG.warnf("Stripe unreachable to %s: %s", action, e.getMessage());
            return new ApiException(ErrorCode.UNAVAILABLE, "the payment provider is unreachable; please retry");
        }
        LOG.errorf("Stripe answered HTTP %s to %s (request %s, code %s)", e.getStatusCode(), action, e.getRequestId(), e.getCode());
        return new ApiException(ErrorCode.UNAVAILABLE, "the payment provider refused to " + action + "; please retry later");
    }
}
