-- Payments the payments service recorded for a case (PaymentRecorded) and how the legal engine allocated each one
-- across the case's claims (§§ 366, 367 BGB) when it arrived. Append-only: an allocation shown to the debtor is
-- history, explained line by line; a statement states the stored lines instead of re-deciding them.
create table case_payments (
    id                uuid        primary key,
    tenant_id         uuid        not null,
    payment_id        uuid        not null,
    case_id           uuid        not null references cases (id),
    amount_minor      bigint      not null check (amount_minor > 0),
    unallocated_minor bigint      not null check (unallocated_minor >= 0),
    currency          char(3)     not null,
    paid_on           date        not null,
    method            text        not null,
    recorded_at       timestamptz not null,
    constraint case_payments_payment_unique unique (tenant_id, payment_id)
);
create index case_payments_by_case on case_payments (tenant_id, case_id, paid_on);
select enable_tenant_isolation('case_payments');

create table payment_allocations (
    id              uuid   primary key,
    tenant_id       uuid   not null,
    case_payment_id uuid   not null references case_payments (id),
    line_no         int    not null,
    case_id         uuid   not null references cases (id),
    claim_id        uuid   not null references claims (id),
    component       text   not null check (component in ('COSTS', 'INTEREST', 'PRINCIPAL')),
    amount_minor    bigint not null check (amount_minor > 0),
    claim_rule      text   not null,
    component_rule  text   not null,
    constraint payment_allocations_line_unique unique (tenant_id, case_payment_id, line_no)
);
create index payment_allocations_by_case on payment_allocations (tenant_id, case_id);
select enable_tenant_isolation('payment_allocations');

revoke update, delete, truncate on case_payments, payment_allocations from ${appRole};
