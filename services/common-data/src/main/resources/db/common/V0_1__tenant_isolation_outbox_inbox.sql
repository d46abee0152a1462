-- Every service's schema starts here (Flyway location classpath:db/common, shared by all services).

-- The application role reads and writes the tables the owner creates, and owns none of them,
-- so FORCE'd row-level security applies to it.
grant usage on schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};

-- One way to isolate a tenant table, written once. Outside a tenant transaction app.tenant_id is
-- unset (null) or reset to '' on a pooled connection; both match no row.
create function enable_tenant_isolation(target regclass) returns void
language plpgsql as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format($policy$
        create policy tenant_isolation on %s
            using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        $policy$, target);
end
$$;

-- Transactional outbox: events are written in the transaction that changes state and relayed to Kafka
-- afterwards (at least once). Infrastructure, never exposed through an API, read across tenants by
-- the relay: no row-level security here (docs/adr/0003-outbox-inbox.md).
create table outbox (
    event_id     uuid primary key,
    tenant_id    uuid        not null,
    topic        text        not null,
    message_key  text        not null,
    envelope     jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (created_at) where published_at is null;

-- Inbox: the events a consumer has already applied; a redelivery finds its id here and changes nothing.
create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    tenant_id    uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
