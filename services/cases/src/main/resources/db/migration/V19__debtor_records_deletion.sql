-- Deleting an erased debtor's records once the retention duties that kept them have ended (docs/cases.md, "Data
-- protection"). The pseudonymized debtor row stays as the tombstone that says when; debtor_record_deletions says
-- how many rows of which table.
alter table debtors
    add column records_deleted_at timestamptz,
    add constraint debtors_records_deleted_after_erasure check (records_deleted_at is null or erased_at is not null);

create table debtor_record_deletions (
    tenant_id      uuid        not null,
    debtor_id      uuid        not null,
    retained_until date        not null,
    deleted_at     timestamptz not null,
    rows_deleted   jsonb       not null,
    primary key (tenant_id, debtor_id)
);
select enable_tenant_isolation('debtor_record_deletions');

-- Which erased debtor's records are due for deletion when: ids and dates only, no tenant data, so like dunning_due it
-- has no row-level security and the daily job reads it across tenants; the deletion itself runs in a transaction bound
-- to the debtor's tenant and removes the row (delete_debtor_records). Written by the erasure in its transaction.
create table debtor_retention_due (
    debtor_id      uuid primary key,
    tenant_id      uuid not null,
    retained_until date not null
);
create index debtor_retention_due_until on debtor_retention_due (retained_until);

-- Debtors erased before this version: the owner reads them across tenants once (row-level security is forced on the
-- owner too, so it is lifted for this one statement's transaction of the migration).
alter table debtors no force row level security;
insert into debtor_retention_due (debtor_id, tenant_id, retained_until)
select id, tenant_id, retained_until from debtors where erased_at is not null and retained_until is not null;
alter table debtors force row level security;

-- Deletes everything kept of an erased debtor: every row referencing the debtor or one of its cases, children before
-- parents. Runs as the owner (the timeline, payments and allocations are append-only for the application), under the
-- forced row-level security of the caller's tenant transaction, and only once the caller recorded the deletion on the
-- debtor row (records_deleted_at), so no deletion goes unrecorded. Returns the deleted rows per table.
create function delete_debtor_records(erased_debtor uuid) returns jsonb
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    tenant    uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
    its_cases uuid[];
    step      text[];
    n         bigint;
    deleted   jsonb := '{}';
begin
    if not exists (select 1 from debtors where id = erased_debtor and tenant_id = tenant and records_deleted_at is not null) then
        raise exception 'debtor % is no erased debtor of this tenant whose records deletion is recorded', erased_debtor;
    end if;
    select coalesce(array_agg(id), '{}') into its_cases from cases where debtor_id = erased_debtor and tenant_id = tenant;
    -- $1 the debtor's cases, $2 the debtor. Every table with a debtor_id or case_id column is named here
    -- (DebtorRecordsDeletionIT checks the catalog against the answer).
    foreach step slice 1 in array array[
        ['payment_allocations', 'case_id = any($1) or claim_id in (select id from claims where debtor_id = $2)'],
        ['case_payments', 'case_id = any($1)'],
        ['dunning_contacts', 'case_id = any($1) or debtor_id = $2'],
        ['dunning_schedules', 'case_id = any($1)'],
        ['dunning_due', 'case_id = any($1)'],
        ['handover_deliveries', 'case_id = any($1)'],
        ['handover_packages', 'case_id = any($1)'],
        ['case_events', 'case_id = any($1)'],
        ['claims', 'case_id = any($1) or debtor_id = $2'],
        ['search_terms', 'debtor_id = $2'],
        ['debtor_consents', 'debtor_id = $2'],
        ['cases', 'id = any($1)'],
        ['debtor_retention_due', 'debtor_id = $2']]
    loop
        -- dunning_due, handover_deliveries, debtor_retention_due have no row-level security: every statement names the tenant
        execute format('delete from %I where tenant_id = $3 and (%s)', step[1], step[2]) using its_cases, erased_debtor, tenant;
        get diagnostics n = row_count;
        deleted := deleted || jsonb_build_object(step[1], n);
    end loop;
    return deleted;
end
$$;
revoke all on function delete_debtor_records(uuid) from public;
grant execute on function delete_debtor_records(uuid) to ${appRole};
