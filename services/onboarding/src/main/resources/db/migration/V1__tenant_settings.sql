-- A tenant's settings: one row per tenant, versioned (optimistic locking); every change is also an event.
create table tenant_settings (
    id                   uuid        primary key,
    tenant_id            uuid        not null unique,
    display_name         text        not null,
    locale               text        not null,
    time_zone            text        not null,
    default_currency     char(3)     not null,
    dunning_horizon_days integer     not null check (dunning_horizon_days between 30 and 365),
    version              integer     not null,
    updated_by           text        not null,
    updated_at           timestamptz not null
);

select enable_tenant_isolation('tenant_settings');
