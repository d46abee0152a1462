-- Bulk import, search terms (docs/adr/0011-bulk-import-write-path.md): the import writes the search terms of the
-- debtors and claims it creates itself, in one set-based insert per chunk (new rows: no conflict possible), so the
-- statement triggers of V9_1 skip inserts made by a session that says so. Updates keep their triggers.
create function search_terms_written_by_caller() returns boolean
language sql stable as $$
    select coalesce(current_setting('agiledunning.search_terms_written_by_caller', true), '') = 'on'
$$;

create or replace function search_terms_debtors_added() returns trigger language plpgsql as $$
begin
    if search_terms_written_by_caller() then
        return null;
    end if;
    insert into search_terms (tenant_id, term, debtor_id, source_id)
    select d.tenant_id, t, d.id, d.id from added d, debtor_terms(d.name, d.external_reference) t
    on conflict do nothing;
    return null;
end
$$;

create or replace function search_terms_claims_added() returns trigger language plpgsql as $$
begin
    if search_terms_written_by_caller() then
        return null;
    end if;
    insert into search_terms (tenant_id, term, debtor_id, source_id)
    select distinct c.tenant_id, lower(t), c.debtor_id, c.id from added c, unnest(array[c.external_reference, c.invoice_number]) t
    on conflict do nothing;
    return null;
end
$$;

-- A foreign-key check per term (six per imported claim) for a parent written in the same transaction by the same
-- service and never deleted: kept by construction, as the case tables' references since V10 (ADR 0010).
alter table search_terms drop constraint search_terms_debtor_id_fkey;
