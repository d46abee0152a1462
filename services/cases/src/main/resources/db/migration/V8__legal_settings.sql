-- A tenant's legal settings (docs/domain.md, "Tenant settings"): reminder fee, the § 288(5) flat fee, the interest
-- it claims at most, the allocation order within a claim and the calculation conventions. Append-only: each change
-- is a new version with who made it and when, so the settings any statement was computed with stay known. A tenant
-- without a row computes with the documented defaults.
create table legal_settings (
    id                         uuid         primary key,
    tenant_id                  uuid         not null,
    version                    int          not null check (version > 0),
    reminder_fee_minor         bigint       not null check (reminder_fee_minor >= 0),
    currency                   char(3)      not null,
    charge_b2b_flat_fee        boolean      not null,
    interest_cap_percent       numeric(5, 2) check (interest_cap_percent >= 0),
    allocation_order           text         not null,
    first_interest_day         text         not null,
    payment_day_bears_interest boolean      not null,
    day_count                  text         not null,
    rounding                   text         not null,
    changed_by                 text         not null,
    changed_at                 timestamptz  not null,
    constraint legal_settings_version_unique unique (tenant_id, version)
);
select enable_tenant_isolation('legal_settings');
revoke update, delete, truncate on legal_settings from ${appRole};

-- The claims a debtor named with a payment (§ 366(1) BGB), in the order named; empty when none.
alter table case_payments add column designated_claim_ids uuid[] not null default '{}';
