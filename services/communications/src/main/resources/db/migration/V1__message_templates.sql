-- A tenant's message templates, one per key, channel and language.
create table message_templates (
    id         uuid        primary key,
    tenant_id  uuid        not null,
    key        text        not null,
    channel    text        not null,
    locale     text        not null,
    subject    text,
    body       text        not null,
    created_by text        not null,
    created_at timestamptz not null,
    constraint message_templates_unique unique (tenant_id, key, channel, locale)
);
create index message_templates_tenant_created on message_templates (tenant_id, created_at, id);

select enable_tenant_isolation('message_templates');
