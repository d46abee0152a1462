package io.agiledunning.payments.connect;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The tenant's Stripe connected account: created once when its admin first starts onboarding, then kept in
 * step with Stripe by {@code account.updated} webhooks (never by the tenant). Card payments (Checkout as direct
 * charges on this account) need {@code chargesEnabled}.
 */
@Entity
@Table(name = "stripe_accounts")
public class ConnectedAccount extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;

    @Column(name = "charges_enabled", nullable = false)
    private boolean chargesEnabled;

    @Column(name = "payouts_enabled", nullable = false)
    private boolean payoutsEnabled;

    @Column(name = "details_submitted", nullable = false)
    private boolean detailsSubmitted;

    @Column(name = "state_as_of")
    private Instant stateAsOf;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ConnectedAccount() {
    }

    /** The account as Stripe created it; its state counts as of no event yet. */
    public static ConnectedAccount created(TenantId tenant, AccountState state, Instant now) {
        ConnectedAccount account = new ConnectedAccount();
        account.tenantId = tenant.value();
        account.id = UUID.randomUUID();
        account.accountId = state.accountId();
        account.chargesEnabled = state.chargesEnabled();
        account.payoutsEnabled = state.payoutsEnabled();
        account.detailsSubmitted = state.detailsSubmitted();
        account.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        account.updatedAt = account.createdAt;
        return account;
    }

    public UUID id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public AccountState state() {
        return new AccountState(accountId, chargesEnabled, payoutsEnabled, detailsSubmitted);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant stateAsOf() {
        return stateAsOf;
    }

    public StripeConnection connection() {
        return StripeConnection.of(state(), stateAsOf);
    }
}
