-- V20_1 added case_search_terms (terms of cases opened without a debtor): delete_debtor_records names it too, so the
-- function keeps covering every table with a debtor_id, case_id or claim_id column (DebtorRecordsDeletionIT). An erased
-- debtor's cases have a debtor, so nothing is there today; the function stays complete all the same.
create or replace function delete_debtor_records(erased_debtor uuid) returns jsonb
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
        ['case_search_terms', 'case_id = any($1)'],
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
