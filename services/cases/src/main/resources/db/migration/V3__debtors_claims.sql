-- Debtors and claims (cases issue, "Model" and "Placement by API"). A claim is placed idempotently on the
-- tenant's external references: the unique constraints below are what makes a concurrent re-send of the
-- same reference fail (and be retried) instead of creating a duplicate.

create table debtors (
    id                 uuid        primary key,
    tenant_id          uuid        not null,
    external_reference text        not null,
    kind               text        not null check (kind in ('CONSUMER', 'BUSINESS')),
    name               text        not null,
    emails             text[]      not null default '{}',
    phones             text[]      not null default '{}',
    street             text,
    postal_code        text,
    city               text,
    country            char(2),
    language           text,
    time_zone          text,
    german_state       text,
    deceased           boolean     not null default false,
    insolvency         boolean     not null default false,
    vulnerable         boolean     not null default false,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint debtors_external_reference_unique unique (tenant_id, external_reference)
);
create index debtors_tenant_created on debtors (tenant_id, created_at, id);

select enable_tenant_isolation('debtors');

-- Cases opened by the older openCase have no debtor.
alter table cases add column debtor_id uuid references debtors (id);
create index cases_tenant_debtor on cases (tenant_id, debtor_id);
-- At most one case per debtor that is not finished: new claims join it. Two concurrent placements that
-- would both open one collide here and the loser is retried (then joins the winner's case).
create unique index cases_one_active_per_debtor on cases (tenant_id, debtor_id)
    where debtor_id is not null and status not in ('PAID', 'SETTLED', 'HANDED_OVER', 'WRITTEN_OFF', 'CLOSED');

create table claims (
    id                 uuid        primary key,
    tenant_id          uuid        not null,
    debtor_id          uuid        not null references debtors (id),
    case_id            uuid        not null references cases (id),
    external_reference text        not null,
    invoice_number     text        not null,
    issue_date         date        not null,
    due_date           date        not null check (due_date >= issue_date),
    principal_minor    bigint      not null check (principal_minor > 0),
    currency           char(3)     not null,
    consumer_notice    boolean     not null, -- the invoice carried the notice of § 286(3) BGB
    fees_minor         bigint      not null default 0 check (fees_minor >= 0),
    paid_minor         bigint      not null default 0 check (paid_minor >= 0),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint claims_external_reference_unique unique (tenant_id, external_reference)
);
create index claims_tenant_case on claims (tenant_id, case_id, created_at, id);
create index claims_tenant_debtor on claims (tenant_id, debtor_id);

select enable_tenant_isolation('claims');
