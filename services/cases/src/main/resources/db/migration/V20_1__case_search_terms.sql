-- Search terms of the cases opened without a debtor (the older openCase, POST /api/cases): the lower-cased external
-- reference and the debtor name given with it (whole and each word of ≥ 2 characters, as debtor_terms of V9_1), so
-- the text search finds them as it finds the debtors' cases (docs/cases.md, "Queries"). Cases with a debtor are found
-- through the debtor's and its claims' terms (search_terms) and get none here.
create table case_search_terms (
    tenant_id uuid             not null,
    term      text collate "C" not null,
    case_id   uuid             not null,
    primary key (tenant_id, term, case_id)
);
select enable_tenant_isolation('case_search_terms');

-- A row trigger whose WHEN is checked as each row is queued: the bulk import (every case with a debtor) queues no
-- event and captures no transition table, so it pays one null test per case. A case's reference never changes.
create function case_search_terms_added() returns trigger language plpgsql as $$
begin
    insert into case_search_terms (tenant_id, term, case_id)
    select new.tenant_id, t, new.id from debtor_terms(new.debtor_name, new.external_reference) t where t is not null
    on conflict do nothing;
    return null;
end
$$;
create trigger case_search_terms_added after insert on cases
    for each row when (new.debtor_id is null) execute function case_search_terms_added();

insert into case_search_terms (tenant_id, term, case_id)
select k.tenant_id, t, k.id from cases k, debtor_terms(k.debtor_name, k.external_reference) t
where k.debtor_id is null and t is not null
on conflict do nothing;
