-- The package a case was handed over to the collection agency with (docs/dunning.md, "Handover"): a snapshot taken
-- in the transaction of the handover — statement as of that day, § 13a RDG data, contact history, debtor data — so
-- the agency and the tenant see what was handed over, whatever changes later. The agency's status updates are
-- recorded on the row (latest) and on the case's timeline (all of them).
create table handover_packages (
    id                uuid        primary key,
    tenant_id         uuid        not null,
    case_id           uuid        not null references cases (id),
    handed_over_at    timestamptz not null,
    recipient         text        not null,
    package           jsonb       not null,
    agency_status     text        not null default 'SENT',
    agency_reference  text,
    status_updated_at timestamptz,
    constraint handover_packages_case_unique unique (tenant_id, case_id)
);
select enable_tenant_isolation('handover_packages');
