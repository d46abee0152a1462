package io.agiledunning.payments.connect;

import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The connected accounts ({@code stripe_accounts}, tenant-scoped), the account → tenant lookup the webhook
 * needs before it knows the tenant ({@code stripe_account_tenants}), and the webhook's inbox
 * ({@code stripe_events}, tenant-scoped). Methods taking a session run in the caller's tenant transaction.
 */
@ApplicationScoped
public class ConnectedAccountRepository {

    /** How a Stripe event was handled, stored with its id. */
    public enum EventOutcome {
        APPLIED, STALE, REFETCHED
    }

    private final Mutiny.SessionFactory sessions;

    public ConnectedAccountRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The tenant's account; the tenant filter and row-level security see only the transaction's tenant. */
    public Uni<ConnectedAccount> find(Mutiny.Session session) {
        return session.createSelectionQuery("from ConnectedAccount", ConnectedAccount.class).getSingleResultOrNull();
    }

    /**
     * Stores the account and its tenant lookup unless the tenant has one already (a concurrent first start).
     *
     * @return whether this call stored it
     */
    public Uni<Boolean> insertIfAbsent(Mutiny.Session session, ConnectedAccount account) {
        return session.createNativeQuery("""
                        insert into stripe_accounts (id, tenant_id, account_id, charges_enabled, payouts_enabled, details_submitted,
                                                     created_at, updated_at)
                        values (:id, :tenant, :account, :charges, :payouts, :details, :now, :now)
                        on conflict (tenant_id) do nothing""")
                .setParameter("id", account.id())
                .setParameter("tenant", account.tenantId().value())
                .setParameter("account", account.accountId())
                .setParameter("charges", account.state().chargesEnabled())
                .setParameter("payouts", account.state().payoutsEnabled())
                .setParameter("details", account.state().detailsSubmitted())
                .setParameter("now", timestamp(account.createdAt()))
                .executeUpdate()
                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(false) : session.createNativeQuery("""
                                insert into stripe_account_tenants (account_id, tenant_id) values (:account, :tenant)""")
                        .setParameter("account", account.accountId())
                        .setParameter("tenant", account.tenantId().value())
                        .executeUpdate()
                        .replaceWith(true));
    }

    /** The tenant owning the connected account, read outside any tenant transaction (the webhook's first step). */
    public Uni<Optional<TenantId>> tenantOf(String accountId) {
        return sessions.withTransaction(session -> session.createNativeQuery(
                                "select tenant_id from stripe_account_tenants where account_id = :account", UUID.class)
                        .setParameter("account", accountId)
                        .getSingleResultOrNull())
                .map(id -> Optional.ofNullable(id).map(TenantId::new));
    }

    public Uni<Boolean> eventSeen(Mutiny.Session session, String eventId) {
        return session.createNativeQuery("select count(*) from stripe_events where event_id = :event", Long.class)
                .setParameter("event", eventId)
                .getSingleResult()
                .map(count -> count > 0);
    }

    /** @return false if the event is recorded already (a concurrent redelivery) */
    public Uni<Boolean> recordEvent(Mutiny.Session session, TenantId tenant, String eventId, String type, String accountId,
                                    Instant created, EventOutcome outcome, Instant now) {
        return session.createNativeQuery("""
                        insert into stripe_events (event_id, type, account_id, tenant_id, created, outcome, processed_at)
                        values (:event, :type, :account, :tenant, :created, :outcome, :now)
                        on conflict (event_id) do nothing""")
                .setParameter("event", eventId)
                .setParameter("type", type)
                .setParameter("account", accountId)
                .setParameter("tenant", tenant.value())
                .setParameter("created", timestamp(created))
                .setParameter("outcome", outcome.name())
                .setParameter("now", timestamp(now))
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    /**
     * Writes the state if it is newer than the stored one ({@code atLeastAsOld}: or as old). The condition is
     * evaluated on the locked row, so concurrent deliveries cannot both win with an older state.
     *
     * @return whether the state was written
     */
    public Uni<Boolean> updateIfNewer(Mutiny.Session session, AccountState state, Instant asOf, boolean orAsOld, Instant now) {
        return session.createNativeQuery("""
                        update stripe_accounts
                        set charges_enabled = :charges, payouts_enabled = :payouts, details_submitted = :details,
                            state_as_of = :asOf, updated_at = :now
                        where account_id = :account
                          and (state_as_of is null or state_as_of < :asOf or (:orAsOld and state_as_of = :asOf))""")
                .setParameter("charges", state.chargesEnabled())
                .setParameter("payouts", state.payoutsEnabled())
                .setParameter("details", state.detailsSubmitted())
                .setParameter("asOf", timestamp(asOf))
                .setParameter("now", timestamp(now))
                .setParameter("account", state.accountId())
                .setParameter("orAsOld", orAsOld)
                .executeUpdate()
                .map(updated -> updated == 1);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
