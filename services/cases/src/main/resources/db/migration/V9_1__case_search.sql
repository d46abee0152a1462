-- Case and debtor queries (cases issue, "Queries"): filters, sorts and text search that stay fast on 1M cases of
-- one tenant under row-level security.
--
-- Under RLS PostgreSQL uses a condition as an index condition only if its operator is LEAKPROOF (else it must wait
-- until the policy has been checked): ILIKE, pg_trgm and tsvector matches are not, so their indexes go unused
-- (measured: a trigram search over 1M debtors took 1 s as a sequential scan). Text search therefore looks up
-- search_terms by a prefix range (text >= / <, leakproof) on a btree, and every filter and keyset condition is
-- written with plain comparisons (no coalesce/lower in conditions).

-- Oldest due date of the claims that count (not withdrawn): days past due = today - oldest_due_date.
alter table cases add column oldest_due_date date;
update cases k set oldest_due_date = s.oldest
from (select case_id, min(due_date) oldest from claims where withdrawn_at is null group by case_id) s
where s.case_id = k.id;

create index cases_tenant_outstanding on cases (tenant_id, outstanding_minor, id);
create index cases_tenant_oldest_due on cases (tenant_id, oldest_due_date, id);
create index cases_tenant_status_created on cases (tenant_id, status, created_at, id);
create index dunning_schedules_tenant_segment on dunning_schedules (tenant_id, segment_key, case_id);
create index dunning_schedules_tenant_next_case on dunning_schedules (tenant_id, next_action_at, case_id);

-- The debtor's persona (behaviour cluster), written back by reporting once it clusters; null until then.
alter table debtors add column persona text;
create index debtors_tenant_persona on debtors (tenant_id, persona);

-- Lower-cased search terms per debtor: its full name and each word of it, its external reference, and the external
-- reference and invoice number of each of its claims. source_id: the debtor or claim a term comes from.
create table search_terms (
    tenant_id uuid               not null,
    term      text collate "C"   not null,
    debtor_id uuid               not null references debtors (id),
    source_id uuid               not null,
    primary key (tenant_id, term, debtor_id, source_id)
);
create index search_terms_tenant_source on search_terms (tenant_id, source_id);
select enable_tenant_isolation('search_terms');

-- Kept by statement-level triggers, so the placement API and the set-based import (one statement per chunk) both
-- keep them without knowing of them. They run as the caller: row-level security holds.
create function debtor_terms(name text, external_reference text) returns setof text
language sql immutable as $$
    select distinct t from (
        select lower(name) t
        union all select w from regexp_split_to_table(lower(name), '[^[:alnum:]]+') w where length(w) >= 2
        union all select lower(external_reference)) terms
$$;

create function search_terms_debtors_added() returns trigger language plpgsql as $$
begin
    insert into search_terms (tenant_id, term, debtor_id, source_id)
    select d.tenant_id, t, d.id, d.id from added d, debtor_terms(d.name, d.external_reference) t
    on conflict do nothing;
    return null;
end
$$;
create trigger search_terms_debtors_added after insert on debtors referencing new table as added
    for each statement execute function search_terms_debtors_added();

create function search_terms_debtors_changed() returns trigger language plpgsql as $$
begin
    delete from search_terms s using changed_before b join changed_after a on a.id = b.id
    where a.name <> b.name and s.tenant_id = b.tenant_id and s.source_id = b.id;
    insert into search_terms (tenant_id, term, debtor_id, source_id)
    select a.tenant_id, t, a.id, a.id from changed_before b join changed_after a on a.id = b.id,
        debtor_terms(a.name, a.external_reference) t
    where a.name <> b.name
    on conflict do nothing;
    return null;
end
$$;
create trigger search_terms_debtors_changed after update on debtors
    referencing old table as changed_before new table as changed_after
    for each statement execute function search_terms_debtors_changed();

create function search_terms_claims_added() returns trigger language plpgsql as $$
begin
    insert into search_terms (tenant_id, term, debtor_id, source_id)
    select distinct c.tenant_id, lower(t), c.debtor_id, c.id from added c, unnest(array[c.external_reference, c.invoice_number]) t
    on conflict do nothing;
    return null;
end
$$;
create trigger search_terms_claims_added after insert on claims referencing new table as added
    for each statement execute function search_terms_claims_added();

create function search_terms_claims_changed() returns trigger language plpgsql as $$
begin
    delete from search_terms s using changed_before b join changed_after a on a.id = b.id
    where a.invoice_number <> b.invoice_number and s.tenant_id = b.tenant_id and s.source_id = b.id;
    insert into search_terms (tenant_id, term, debtor_id, source_id)
    select distinct a.tenant_id, lower(t), a.debtor_id, a.id from changed_before b join changed_after a on a.id = b.id,
        unnest(array[a.external_reference, a.invoice_number]) t
    where a.invoice_number <> b.invoice_number
    on conflict do nothing;
    return null;
end
$$;
create trigger search_terms_claims_changed after update on claims
    referencing old table as changed_before new table as changed_after
    for each statement execute function search_terms_claims_changed();

insert into search_terms (tenant_id, term, debtor_id, source_id)
select d.tenant_id, t, d.id, d.id from debtors d, debtor_terms(d.name, d.external_reference) t
on conflict do nothing;
insert into search_terms (tenant_id, term, debtor_id, source_id)
select distinct c.tenant_id, lower(t), c.debtor_id, c.id from claims c, unnest(array[c.external_reference, c.invoice_number]) t
on conflict do nothing;
