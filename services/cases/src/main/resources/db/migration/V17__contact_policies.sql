-- The tenant's own contact policy (docs/dunning.md, "Guardrails"): narrower contact hours and a lower frequency cap
-- than the German default, never wider. No row: the default (08:00–20:00, 3 contacts in 7 days).
create table tenant_contact_policies (
    tenant_id    uuid        primary key,
    earliest     time        not null,
    latest       time        not null,
    max_contacts int         not null check (max_contacts between 1 and 3),
    version      int         not null,
    changed_by   text        not null,
    changed_at   timestamptz not null,
    check (earliest >= time '08:00' and latest <= time '20:00' and earliest < latest)
);
select enable_tenant_isolation('tenant_contact_policies');
