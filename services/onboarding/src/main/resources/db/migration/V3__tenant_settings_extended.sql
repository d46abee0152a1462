-- Branding, sender identity, legal footer, bank account, German state and collection agency (all optional),
-- and the field-by-field audit trail of every settings change.
alter table tenant_settings
    add column logo_url           text,
    add column primary_colour     char(7) check (primary_colour ~ '^#[0-9A-F]{6}$'),
    add column accent_colour      char(7) check (accent_colour ~ '^#[0-9A-F]{6}$'),
    add column sender_name        text,
    add column reply_to           text,
    add column legal_footer       text,
    add column iban               text,
    add column bic                text,
    add column german_state       char(2),
    add column agency_name        text,
    add column agency_channel     text check (agency_channel in ('DOWNLOAD', 'DROP_FOLDER', 'WEBHOOK')),
    add column agency_webhook_url text;

create table tenant_settings_changes (
    id         uuid        primary key,
    tenant_id  uuid        not null,
    version    integer     not null,
    field      text        not null,
    old_value  text,
    new_value  text,
    changed_by text        not null,
    changed_at timestamptz not null
);
create index tenant_settings_changes_by_version on tenant_settings_changes (tenant_id, version desc);

select enable_tenant_isolation('tenant_settings_changes');
