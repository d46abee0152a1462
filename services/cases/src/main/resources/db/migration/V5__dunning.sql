-- The dunning engine (issue 6): versioned strategies, segments, the per-case schedule, the contact history and
-- the platform-wide due index the scheduler claims from. Independent of V4 (bulk import).

-- Per-channel opt-outs, honoured by the engine at the next decision.
alter table debtors add column opted_out_channels text[] not null default '{}';

-- Strategies: a draft may change; a published version never does (trigger below); cases keep the version
-- they started with. Versions count per key.
create table dunning_strategies (
    id           uuid        primary key,
    tenant_id    uuid        not null,
    key          text        not null,
    version      int         not null check (version >= 1),
    status       text        not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    definition   jsonb       not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    archived_at  timestamptz,
    constraint dunning_strategies_version_unique unique (tenant_id, key, version)
);
create index dunning_strategies_tenant_key on dunning_strategies (tenant_id, key, status, version);
select enable_tenant_isolation('dunning_strategies');

create function dunning_strategies_immutable() returns trigger
language plpgsql as $$
begin
    if old.status <> 'DRAFT' and (new.definition is distinct from old.definition or new.key <> old.key or new.version <> old.version) then
        raise exception 'strategy % version % is % and cannot change', old.key, old.version, old.status;
    end if;
    if old.status = 'PUBLISHED' and new.status = 'DRAFT' or old.status = 'ARCHIVED' and new.status <> 'ARCHIVED' then
        raise exception 'strategy % version % cannot go from % back to %', old.key, old.version, old.status, new.status;
    end if;
    return new;
end
$$;
create trigger dunning_strategies_immutable before update on dunning_strategies
    for each row execute function dunning_strategies_immutable();

create table dunning_segments (
    id                   uuid          primary key,
    tenant_id            uuid          not null,
    key                  text          not null,
    priority             int           not null,
    rule                 jsonb         not null,
    strategy_key         text          not null,
    control_share        numeric(5, 4) not null default 0 check (control_share between 0 and 1),
    control_strategy_key text,
    created_at           timestamptz   not null,
    constraint dunning_segments_key_unique unique (tenant_id, key)
);
select enable_tenant_isolation('dunning_segments');

-- Where each case stands in its strategy. strategy_id null: the built-in default.
create table dunning_schedules (
    case_id                    uuid        primary key references cases (id),
    tenant_id                  uuid        not null,
    strategy_id                uuid        references dunning_strategies (id),
    strategy_key               text        not null,
    strategy_version           int         not null,
    segment_key                text,
    control_group              boolean     not null default false,
    started_on                 date,
    next_step                  int         not null default 0,
    reaction_kind              text,
    reaction_on                date,
    last_contact_on            date,
    last_payment_on            date,
    contacts_sent              int         not null default 0,
    observed_status            text,
    observed_outstanding_minor bigint,
    next_action_at             timestamptz,
    last_reasons               text        not null default '',
    last_blocked               boolean     not null default false,
    last_decided_at            timestamptz,
    updated_at                 timestamptz not null
);
create index dunning_schedules_tenant_next on dunning_schedules (tenant_id, next_action_at);
select enable_tenant_isolation('dunning_schedules');

-- Every contact the engine asked for. The idempotency key (case, step, sequence) is unique: a decision replayed
-- after a crash collides here instead of emitting a second send command.
create table dunning_contacts (
    id              uuid        primary key,
    tenant_id       uuid        not null,
    case_id         uuid        not null references cases (id),
    debtor_id       uuid        references debtors (id),
    idempotency_key text        not null,
    step_key        text        not null,
    sequence        int         not null,
    channel         text        not null,
    template        text        not null,
    requested_at    timestamptz not null,
    constraint dunning_contacts_idempotency unique (tenant_id, idempotency_key)
);
create index dunning_contacts_tenant_case on dunning_contacts (tenant_id, case_id, requested_at);
create index dunning_contacts_tenant_debtor on dunning_contacts (tenant_id, debtor_id, requested_at);
select enable_tenant_isolation('dunning_contacts');

-- The platform-wide due index (docs/adr/0008-dunning-engine.md): which case is due when, and which engine
-- replica holds it until when. Only ids and instants, no tenant data, so like the outbox it has no row-level
-- security: the scheduler claims across tenants here, then works each case in a transaction bound to the
-- case's tenant, where row-level security applies to everything it reads and writes.
create table dunning_due (
    case_id     uuid        primary key,
    tenant_id   uuid        not null,
    due_at      timestamptz not null,
    lease_owner text,
    lease_until timestamptz,
    claims      int         not null default 0
);
create index dunning_due_due_at on dunning_due (due_at);
