-- Handing a case's package to the collection agency over the tenant's channel (docs/dunning.md, "Handover").

-- What cases knows of the tenant's settings for handovers, from TenantSettingsChanged (onboarding owns them): the
-- creditor's name and imprint for the package, the agency and its channel. The newest settings version wins.
create table tenant_handover_settings (
    tenant_id        uuid        primary key,
    creditor_name    text,
    creditor_imprint text,
    agency_name      text,
    channel          text        not null check (channel in ('DOWNLOAD', 'DROP_FOLDER', 'WEBHOOK')),
    webhook_url      text,
    settings_version int         not null,
    updated_at       timestamptz not null
);
select enable_tenant_isolation('tenant_handover_settings');

-- The key the platform signs the tenant's handover webhooks with; a tenant admin creates or replaces it and passes it
-- to the agency, which verifies each delivery with it.
create table handover_webhook_secrets (
    tenant_id  uuid        primary key,
    secret     text        not null,
    created_at timestamptz not null
);
select enable_tenant_isolation('handover_webhook_secrets');

-- One delivery per handed-over case on a DROP_FOLDER or WEBHOOK channel, written in the handover's transaction and
-- worked by any replica (claimed with SKIP LOCKED, retried with back-off until delivered). Scheduling data read across
-- tenants, like dunning_due: no row-level security; the package itself is read in the tenant's transaction.
create table handover_deliveries (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    case_id         uuid        not null,
    channel         text        not null check (channel in ('DROP_FOLDER', 'WEBHOOK')),
    target          text,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    last_error      text,
    constraint handover_deliveries_case_unique unique (tenant_id, case_id)
);
create index handover_deliveries_due on handover_deliveries (next_attempt_at) where delivered_at is null;
