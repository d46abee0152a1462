-- A case: all open claims of one debtor, worked together. This first version carries what the
-- foundation needs; debtors, claims and the timeline follow with the cases issue.
create table cases (
    id                 uuid        primary key,
    tenant_id          uuid        not null,
    external_reference text        not null,
    debtor_name        text        not null,
    outstanding_minor  bigint      not null check (outstanding_minor >= 0),
    currency           char(3)     not null,
    status             text        not null,
    opened_by          text        not null,
    created_at         timestamptz not null,
    constraint cases_external_reference_unique unique (tenant_id, external_reference)
);
-- Every index that serves a tenant query starts with tenant_id.
create index cases_tenant_created on cases (tenant_id, created_at, id);

select enable_tenant_isolation('cases');
