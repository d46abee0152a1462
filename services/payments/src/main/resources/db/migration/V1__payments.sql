-- Payments received for a case. Immutable: corrections are new entries (refunds, reversals).
create table payments (
    id           uuid        primary key,
    tenant_id    uuid        not null,
    case_id      uuid        not null,
    amount_minor bigint      not null check (amount_minor > 0),
    currency     char(3)     not null,
    method       text        not null,
    received_on  date        not null,
    reference    text,
    recorded_by  text        not null,
    created_at   timestamptz not null
);
create index payments_tenant_case on payments (tenant_id, case_id, created_at, id);
create index payments_tenant_created on payments (tenant_id, created_at, id);

select enable_tenant_isolation('payments');
