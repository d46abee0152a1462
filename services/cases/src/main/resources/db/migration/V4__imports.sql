-- Bulk placement (cases issue, "Bulk placement"; docs/import.md, docs/adr/0006-bulk-import.md).
-- An import job and the rows it rejected. The rows themselves are staged per chunk in temporary tables of the
-- importing connection (COPY FROM cannot write to tables under row-level security, and staged rows need no
-- WAL or cleanup after a crash) and merged set-based into debtors, claims and cases.

create table import_jobs (
    id               uuid        primary key,
    tenant_id        uuid        not null,
    format           text        not null check (format in ('CSV', 'JSON_LINES')),
    state            text        not null check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    failure          text,
    created_by       text        not null,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz not null,
    bytes_total      bigint,
    bytes_read       bigint      not null default 0,
    rows_read        bigint      not null default 0,
    rows_valid       bigint      not null default 0,
    rows_rejected    bigint      not null default 0,
    claims_created   bigint      not null default 0,
    claims_updated   bigint      not null default 0,
    claims_unchanged bigint      not null default 0
);
create index import_jobs_tenant_created on import_jobs (tenant_id, created_at, id);

select enable_tenant_isolation('import_jobs');

-- One line of the error report: the row (CSV: spreadsheet row, header = 1; JSON Lines: line number), the
-- field as the file names it, and why. seq orders several errors of one row.
create table import_errors (
    tenant_id uuid   not null,
    job_id    uuid   not null references import_jobs (id),
    row_no    bigint not null,
    seq       int    not null,
    field     text   not null,
    reason    text   not null,
    primary key (tenant_id, job_id, row_no, seq)
);

select enable_tenant_isolation('import_errors');

-- An amount as io.agiledunning.common.money.Money serializes it ({"amount": 12.50, "currency": "EUR"}), so the
-- events a bulk merge writes read exactly like the ones Outbox.append writes.
create function import_money(minor bigint, currency text, digits int) returns jsonb
language sql immutable parallel safe as $$
    select jsonb_build_object('amount', round(minor::numeric / power(10::numeric, digits), digits), 'currency', currency)
$$;

-- An event's payload as Outbox.append puts it into the envelope: Jackson's tree of the payload keeps amounts
-- without trailing zeros (100.00 → 100, 12.50 → 12.5), while the timeline's data keeps the currency's scale.
create function import_envelope_payload(data jsonb) returns jsonb
language sql immutable parallel safe as $$
    select coalesce(jsonb_object_agg(key,
               case when jsonb_typeof(value) = 'object' and value ? 'amount' and value ? 'currency'
                    then jsonb_set(value, '{amount}', to_jsonb(trim_scale((value ->> 'amount')::numeric)))
                    else value end), '{}'::jsonb)
    from jsonb_each(data)
$$;
