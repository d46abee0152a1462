-- The case lifecycle (cases issue): what the current status needs to know, and the timeline of every step.

-- Data of the current status; cleared when the case leaves it (a resumed case has no pause reason).
alter table cases
    add column pause_reason         text,
    add column paused_until         date,
    add column dispute_reason       text,
    add column dispute_evidence     text,
    add column promise_pay_by       date,
    add column promise_amount_minor bigint check (promise_amount_minor > 0),
    add column plan_installments    int    check (plan_installments >= 2),
    add column plan_installment_minor bigint check (plan_installment_minor > 0),
    add column plan_first_due_on    date,
    add column status_changed_at    timestamptz;

-- The timeline: one row per step (opening included), appended in the transaction that takes the step.
-- Append-only for the application: it may insert and read, never change or remove history.
create table case_events (
    id          uuid        primary key,
    tenant_id   uuid        not null,
    case_id     uuid        not null references cases (id),
    type        text        not null,
    from_status text,
    to_status   text        not null,
    reason      text        not null,
    data        jsonb       not null,
    actor       text        not null,
    occurred_at timestamptz not null
);
-- Every index that serves a tenant query starts with tenant_id; the timeline reads oldest first.
create index case_events_tenant_case on case_events (tenant_id, case_id, occurred_at, id);

select enable_tenant_isolation('case_events');

revoke update, delete, truncate on case_events from ${appRole};
