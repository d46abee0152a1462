-- Plans of the case queries on 1M cases of one tenant (+100k of another) under row-level security, as the
-- application role. Run against an empty scratch database as a superuser, with a role 'app' (login, no superuser,
-- no BYPASSRLS): psql -f deploy/bench/case-search-plans.sql. Figures: docs/cases.md, "Queries on 1M cases".
drop table if exists search_terms, dunning_schedules, claims, cases, debtors cascade;
create table debtors (id uuid primary key, tenant_id uuid not null, external_reference text not null, name text not null, persona text, created_at timestamptz not null);
create table cases (id uuid primary key, tenant_id uuid not null, external_reference text not null, debtor_id uuid, outstanding_minor bigint not null, currency text not null, status text not null, created_at timestamptz not null, oldest_due_date date);
create table claims (id uuid primary key, tenant_id uuid not null, debtor_id uuid not null, case_id uuid not null, external_reference text not null, invoice_number text not null, due_date date not null);
create table dunning_schedules (case_id uuid primary key, tenant_id uuid not null, segment_key text, next_action_at timestamptz);
create table search_terms (tenant_id uuid not null, term text collate "C" not null, debtor_id uuid not null, source_id uuid not null, primary key (tenant_id, term, debtor_id, source_id));
-- 1M debtors/cases/claims in tenant 1, 100k in tenant 2
insert into debtors select md5('d'||i)::uuid, case when i > 1000000 then '00000000-0000-0000-0000-000000000002'::uuid else '00000000-0000-0000-0000-000000000001'::uuid end,
  'D-'||i, (array['Erika','Max','Hans','Anna','Zoe','Paul','Lena','Tim'])[1+i%8] || ' ' || (array['Mustermann','Schmidt','Meyer','Gruber','Zimmer','Alt','Weber','Wagner'])[1+(i/8)%8] || i, case when i%5=0 then 'saver' end, timestamptz '2026-01-01' + i * interval '1 second' from generate_series(1,1100000) i;
insert into cases select md5('k'||i)::uuid, case when i > 1000000 then '00000000-0000-0000-0000-000000000002'::uuid else '00000000-0000-0000-0000-000000000001'::uuid end,
  'INV-'||i, md5('d'||i)::uuid, (i::bigint*7919)%100000+100, 'EUR', (array['OPEN','IN_DUNNING','IN_DUNNING','PAUSED','PAID'])[1+i%5], timestamptz '2026-01-01' + i * interval '1 second', date '2026-11-30' - (i%400) from generate_series(1,1100000) i;
insert into claims select md5('c'||i)::uuid, case when i > 1000000 then '00000000-0000-0000-0000-000000000002'::uuid else '00000000-0000-0000-0000-000000000001'::uuid end,
  md5('d'||i)::uuid, md5('k'||i)::uuid, 'INV-'||i, 'R-2026-'||i, date '2026-11-30' - (i%400) from generate_series(1,1100000) i;
insert into dunning_schedules select md5('k'||i)::uuid, case when i > 1000000 then '00000000-0000-0000-0000-000000000002'::uuid else '00000000-0000-0000-0000-000000000001'::uuid end,
  (array['retail','b2b','vip'])[1+i%3], timestamptz '2026-12-05' + (i%10000) * interval '1 minute' from generate_series(1,1100000) i;
create function debtor_terms(name text, external_reference text) returns setof text language sql immutable as $$
    select distinct t from (select lower(name) t union all select w from regexp_split_to_table(lower(name), '[^[:alnum:]]+') w where length(w) >= 2 union all select lower(external_reference)) terms $$;
insert into search_terms select d.tenant_id, t, d.id, d.id from debtors d, debtor_terms(d.name, d.external_reference) t on conflict do nothing;
insert into search_terms select distinct c.tenant_id, lower(t), c.debtor_id, c.id from claims c, unnest(array[c.external_reference, c.invoice_number]) t on conflict do nothing;
create index debtors_tenant_created on debtors (tenant_id, created_at, id);
create index debtors_tenant_persona on debtors (tenant_id, persona);
create index cases_tenant_created on cases (tenant_id, created_at, id);
create index cases_tenant_outstanding on cases (tenant_id, outstanding_minor, id);
create index cases_tenant_oldest_due on cases (tenant_id, oldest_due_date, id);
create index cases_tenant_status_created on cases (tenant_id, status, created_at, id);
create index cases_tenant_debtor on cases (tenant_id, debtor_id);
create index dunning_schedules_tenant_segment on dunning_schedules (tenant_id, segment_key, case_id);
create index dunning_schedules_tenant_next_case on dunning_schedules (tenant_id, next_action_at, case_id);
create index search_terms_tenant_source on search_terms (tenant_id, source_id);
do $$ declare t text; begin foreach t in array array['debtors','cases','claims','dunning_schedules','search_terms'] loop
  execute format('alter table %s enable row level security', t); execute format('alter table %s force row level security', t);
  execute format('create policy tenant_isolation on %s using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
  execute format('grant select on %s to app', t); end loop; end $$;
analyze;
set role app;
set app.tenant_id = '00000000-0000-0000-0000-000000000001';
\echo 1 default page
explain (analyze, costs off, timing on, summary on) select k.* from cases k order by k.created_at asc, k.id asc limit 21;
\echo 2 status filter
explain (analyze, costs off, summary on) select k.* from cases k where k.status in ('OPEN','PAUSED') order by k.created_at asc, k.id asc limit 21;
\echo 3 amount desc
explain (analyze, costs off, summary on) select k.* from cases k where k.currency = 'EUR' order by k.outstanding_minor desc, k.id desc limit 21;
\echo 4 most overdue with min days
explain (analyze, costs off, summary on) select k.* from cases k where k.oldest_due_date <= date '2026-10-01' order by k.oldest_due_date asc, k.id asc limit 21;
\echo 5a text narrow
explain (analyze, costs off, summary on) select k.* from cases k where k.debtor_id in (select t.debtor_id from search_terms t where t.term >= 'gruber4242' and t.term < 'gruber4243') order by k.created_at, k.id limit 21;
\echo 5b text invoice
explain (analyze, costs off, summary on) select k.* from cases k where k.debtor_id in (select t.debtor_id from search_terms t where t.term >= 'r-2026-77777' and t.term < 'r-2026-77778') order by k.created_at, k.id limit 21;
\echo 5c text broad
explain (analyze, costs off, summary on) select k.* from cases k where k.debtor_id in (select t.debtor_id from search_terms t where t.term >= 'muster' and t.term < 'mustes') order by k.created_at, k.id limit 21;
\echo 6 segment
explain (analyze, costs off, summary on) select k.* from cases k where k.id in (select g.case_id from dunning_schedules g where g.segment_key = 'vip') order by k.created_at, k.id limit 21;
\echo 8-OR keyset written with OR (NOT used: the index scan filters up to the cursor)
explain (analyze, costs off, summary on) select k.* from cases k where (k.outstanding_minor < 50000 or (k.outstanding_minor = 50000 and k.id < 'ffffffff-0000-0000-0000-000000000000')) order by k.outstanding_minor desc, k.id desc limit 21;
\echo 9 persona
explain (analyze, costs off, summary on) select k.* from cases k where k.debtor_id in (select p.id from debtors p where p.persona = 'saver') order by k.created_at, k.id limit 21;
\echo 10 amount range + status
explain (analyze, costs off, summary on) select k.* from cases k where k.status in ('OPEN') and k.currency='EUR' and k.outstanding_minor >= 1000 and k.outstanding_minor <= 2000 order by k.created_at, k.id limit 21;
\echo 7 next action (inner join: cases with a planned action)
explain (analyze, costs off, summary on) select k.* from cases k join dunning_schedules s on s.case_id = k.id where s.next_action_at is not null order by s.next_action_at asc, s.case_id asc limit 21;
\echo 7b next action page
explain (analyze, costs off, summary on) select k.* from cases k join dunning_schedules s on s.case_id = k.id where s.next_action_at is not null and (s.next_action_at, s.case_id) > (timestamptz '2026-12-09 00:00Z', '80000000-0000-0000-0000-000000000000'::uuid) order by s.next_action_at asc, s.case_id asc limit 21;
\echo 8 amount keyset page
explain (analyze, costs off, summary on) select k.* from cases k where (k.outstanding_minor, k.id) < (50000, 'ffffffff-0000-0000-0000-000000000000'::uuid) order by k.outstanding_minor desc, k.id desc limit 21;
\echo 4b overdue keyset page
explain (analyze, costs off, summary on) select k.* from cases k where k.oldest_due_date is not null and (k.oldest_due_date, k.id) > (date '2026-06-01', '80000000-0000-0000-0000-000000000000'::uuid) order by k.oldest_due_date asc, k.id asc limit 21;
\echo 1b placed keyset page
explain (analyze, costs off, summary on) select k.* from cases k where (k.created_at, k.id) > (timestamptz '2026-01-07 00:00Z', '80000000-0000-0000-0000-000000000000'::uuid) order by k.created_at, k.id limit 21;
