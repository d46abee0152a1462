-- Bulk import, search terms (docs/adr/0012-bulk-import-write-path.md): the import writes the search terms of the
-- debtors and claims it creates itself, in one set-based insert per chunk (new rows: no conflict possible), so the
-- insert triggers of V9_1 do not fire for a session that says so. Updates keep their triggers.
create function search_terms_written_by_caller() returns boolean
language sql stable as $$
    select coalesce(current_setting('agiledunning.search_terms_written_by_caller', true), '') = 'on'
$$;

drop trigger search_terms_debtors_added on debtors;
create trigger search_terms_debtors_added after insert on debtors referencing new table as added
    for each statement when (not search_terms_written_by_caller()) execute function search_terms_debtors_added();

drop trigger search_terms_claims_added on claims;
create trigger search_terms_claims_added after insert on claims referencing new table as added
    for each statement when (not search_terms_written_by_caller()) execute function search_terms_claims_added();

-- A foreign-key check per term (six per imported claim) for a parent written in the same transaction by the same
-- service and never deleted: kept by construction, as the case tables' references since V10 (ADR 0010).
alter table search_terms drop constraint search_terms_debtor_id_fkey;
