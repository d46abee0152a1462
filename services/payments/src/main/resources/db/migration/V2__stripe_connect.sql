-- The tenant's Stripe connected account (at most one per tenant) and its state as the newest applied
-- account.updated event reported it (docs/payments.md).
create table stripe_accounts (
    id                uuid        primary key,
    tenant_id         uuid        not null unique,
    account_id        text        not null unique,
    charges_enabled   boolean     not null,
    payouts_enabled   boolean     not null,
    details_submitted boolean     not null,
    -- "created" of the newest account.updated applied; null until the first. An older event never wins.
    state_as_of       timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

select enable_tenant_isolation('stripe_accounts');

-- Which tenant a connected account belongs to, read by the webhook before it knows the tenant. Only the
-- two ids, written with the account; no row-level security and no API (docs/adr/0009-stripe-connect.md).
create table stripe_account_tenants (
    account_id text primary key,
    tenant_id  uuid not null unique
);

-- The webhook's inbox: Stripe events applied to a tenant's account, by Stripe's event id (unique across
-- tenants, as Stripe's ids are). A redelivery finds its id here and changes nothing. Written in the tenant's
-- transaction; events of accounts that are not ours are not recorded.
create table stripe_events (
    event_id     text        primary key,
    type         text        not null,
    account_id   text        not null,
    tenant_id    uuid        not null,
    created      timestamptz not null,
    outcome      text        not null check (outcome in ('APPLIED', 'STALE', 'REFETCHED')),
    processed_at timestamptz not null
);
create index stripe_events_tenant on stripe_events (tenant_id, processed_at);

select enable_tenant_isolation('stripe_events');
