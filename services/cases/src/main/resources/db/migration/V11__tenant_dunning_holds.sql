-- Tenants whose dunning is on hold (docs/dunning.md, "Suspended tenants"): a platform admin suspended the tenant
-- (TenantSuspended), so the engine contacts none of its debtors until it is reactivated (TenantReactivated).
-- Scheduling data next to the due index, like dunning_due without row-level security: the scheduler reads it across
-- tenants when it claims due cases. Nothing of the tenant's cases is changed or deleted; their due rows stay due
-- and are worked on the first run after the hold is lifted.
create table tenant_dunning_holds (
    tenant_id uuid        primary key,
    reason    text        not null,
    since     timestamptz not null
);
