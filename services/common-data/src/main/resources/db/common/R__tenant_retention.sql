-- Offboarded tenants and what of their data was erased when (docs/offboarding.md). Shared by every service's schema.
-- Repeatable (R__) rather than versioned: it joins schemas that already have later versions, which a new low
-- version number could not. Neither table holds personal data; both are read across tenants by the erasure job and
-- written over the owner's connection only, so there is no row-level security here.
create table if not exists tenant_retention (
    tenant_id     uuid        primary key,
    offboarded_on date        not null,
    recorded_at   timestamptz not null default now()
);

create table if not exists tenant_erasures (
    tenant_id       uuid        not null,
    table_name      text        not null,
    retention_class text        not null,
    erased_at       timestamptz not null,
    rows_erased     bigint      not null,
    primary key (tenant_id, table_name)
);
