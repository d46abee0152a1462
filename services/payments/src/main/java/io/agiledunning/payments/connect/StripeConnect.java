package io.agiledunning.payments.connect;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.events.StripeAccountUpdated;
import io.agiledunning.common.events.StripeOnboardingStarted;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.payments.connect.ConnectedAccountRepository.EventOutcome;
import io.agiledunning.payments.stripe.StripeApi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;

/**
 * A tenant's Stripe Connect account: onboarding started by its admin, state kept by Stripe's
 * {@code account.updated} events (docs/payments.md, docs/adr/0009-stripe-connect.md).
 */
@ApplicationScoped
public class StripeConnect {

    /** Where the admin continues onboarding at Stripe. */
    public record Onboarding(String accountId, String url, Instant expiresAt) {
    }

    /** What became of one delivered {@code account.updated}. */
    public enum Delivery {
        /** The newest state so far: stored, {@code StripeAccountUpdated} emitted. */
        APPLIED,
        /** Older than the stored state: recorded, nothing changed. */
        STALE,
        /** As old as the stored state (same second): Stripe's current state was read and stored. */
        REFETCHED,
        /** Handled before (a redelivery): nothing changed. */
        DUPLICATE,
        /** Not for this platform (another type, another mode, an account that is not a tenant's): nothing stored. */
        IGNORED
    }

    private final TenantTransactions transactions;
    private final ConnectedAccountRepository accounts;
    private final StripeApi stripe;
    private final Outbox outbox;
    private final Clock clock;

    public StripeConnect(TenantTransactions transactions, ConnectedAccountRepository accounts, StripeApi stripe, Outbox outbox,
                         Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.stripe = stripe;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<StripeConnection> connection(TenantContext caller) {
        return transactions.inTransaction(caller.tenantId(), accounts::find)
                .map(account -> account == null ? StripeConnection.none() : account.connection());
    }

    /**
     * Creates the tenant's connected account the first time (later calls reuse it), then a fresh onboarding
     * link. Stripe is called outside any database transaction; the account is stored in a second one.
     */
    public Uni<Onboarding> startOnboarding(TenantContext caller, String correlationId) {
        TenantId tenant = caller.tenantId();
        return transactions.inTransaction(tenant, accounts::find)
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(existing.accountId())
                        : stripe.createConnectedAccount(tenant, caller.tenantAlias())
                                .chain(created -> transactions.inTransaction(tenant, session -> store(session, tenant, created, correlationId))))
                .chain(accountId -> stripe.createOnboardingLink(accountId)
                        .map(link -> new Onboarding(accountId, link.url(), link.expiresAt())));
    }

    private Uni<String> store(Mutiny.Session session, TenantId tenant, AccountState created, String correlationId) {
        return accounts.insertIfAbsent(session, ConnectedAccount.created(tenant, created, clock.instant()))
                .chain(inserted -> inserted
                        ? outbox.append(session, tenant, created.accountId(), new StripeOnboardingStarted(created.accountId()), correlationId)
                                .replaceWith(created.accountId())
                        : accounts.find(session).map(ConnectedAccount::accountId));
    }

    /**
     * Applies an {@code account.updated} whatever order Stripe delivers events in: a state is written only
     * if its event is newer than the stored state's. Two events of the same second cannot be ordered; then
     * Stripe's current state is read and stored (nothing is recorded before that read succeeded, so a
     * failure leaves the event for Stripe's retry).
     */
    public Uni<Delivery> accountUpdated(String eventId, Instant created, AccountState reported) {
        return accounts.tenantOf(reported.accountId()).chain(tenant -> tenant.isEmpty()
                ? Uni.createFrom().item(Delivery.IGNORED)
                : transactions.inTransaction(tenant.get(), session -> applyIfNewer(session, tenant.get(), eventId, created, reported))
                        .chain(delivery -> delivery != Delivery.REFETCHED ? Uni.createFrom().item(delivery)
                                : stripe.retrieveAccount(reported.accountId()).chain(current -> transactions.inTransaction(tenant.get(),
                                        session -> applyRefetched(session, tenant.get(), eventId, created, current)))));
    }

    private Uni<Delivery> applyIfNewer(Mutiny.Session session, TenantId tenant, String eventId, Instant created, AccountState reported) {
        return accounts.eventSeen(session, eventId).chain(seen -> seen ? Uni.createFrom().item(Delivery.DUPLICATE)
                : accounts.updateIfNewer(session, reported, created, false, clock.instant()).chain(updated -> updated
                        ? record(session, tenant, eventId, created, reported, EventOutcome.APPLIED)
                                .call(delivery -> delivery == Delivery.APPLIED ? emitUpdated(session, tenant, reported, created) : Uni.createFrom().voidItem())
                        : accounts.find(session).chain(stored -> created.equals(stored.stateAsOf())
                                ? Uni.createFrom().item(Delivery.REFETCHED)
                                : record(session, tenant, eventId, created, reported, EventOutcome.STALE))));
    }

    private Uni<Delivery> applyRefetched(Mutiny.Session session, TenantId tenant, String eventId, Instant created, AccountState current) {
        return record(session, tenant, eventId, created, current, EventOutcome.REFETCHED).chain(delivery -> delivery == Delivery.DUPLICATE
                ? Uni.createFrom().item(delivery)
                : accounts.updateIfNewer(session, current, created, true, clock.instant()).chain(updated -> updated
                        ? emitUpdated(session, tenant, current, created).replaceWith(delivery)
                        : Uni.createFrom().item(Delivery.STALE)));
    }

    private Uni<Delivery> record(Mutiny.Session session, TenantId tenant, String eventId, Instant created, AccountState state,
                                 EventOutcome outcome) {
        return accounts.recordEvent(session, tenant, eventId, "account.updated", state.accountId(), created, outcome, clock.instant())
                .map(first -> first ? Delivery.valueOf(outcome.name()) : Delivery.DUPLICATE);
    }

    private Uni<Void> emitUpdated(Mutiny.Session session, TenantId tenant, AccountState state, Instant asOf) {
        StripeConnection connection = StripeConnection.of(state, asOf);
        return outbox.append(session, tenant, state.accountId(), new StripeAccountUpdated(state.accountId(), state.chargesEnabled(),
                        state.payoutsEnabled(), state.detailsSubmitted(), connection.cardPaymentsAvailable(), asOf), null)
                .replaceWithVoid();
    }
}
