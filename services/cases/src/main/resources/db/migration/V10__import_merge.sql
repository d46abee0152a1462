-- Bulk import, faster merge (docs/adr/0010-faster-bulk-import.md): the envelope's payload is built directly with
-- amounts as Jackson's tree of the payload keeps them (without trailing zeros: 100.00 → 100, 12.50 → 12.5)
-- instead of rewriting every timeline object afterwards (import_envelope_payload walked each event's jsonb).
create function import_payload_money(minor bigint, currency text, digits int) returns jsonb
language sql immutable parallel safe as $$
    select jsonb_build_object('amount', trim_scale(round(minor::numeric / power(10::numeric, digits), digits)), 'currency', currency)
$$;

drop function import_envelope_payload(jsonb);

-- The import refreshes the planner's statistics of the tables it merges into as it grows a tenant's rows: planned
-- with a tenant that "has no rows", the lookups of a large import degrade into scans of the whole tenant per chunk.
grant maintain on debtors, cases, claims to ${appRole};

-- Foreign keys between the case tables cost a trigger and an index lookup per inserted row (a bulk import of a
-- million claims: four million); their parents are written by the same service in the same transaction and never
-- deleted, so they are kept by construction instead (docs/adr/0010-faster-bulk-import.md). Indexes stay.
alter table cases drop constraint cases_debtor_id_fkey;
alter table claims drop constraint claims_debtor_id_fkey, drop constraint claims_case_id_fkey;
alter table case_events drop constraint case_events_case_id_fkey;
