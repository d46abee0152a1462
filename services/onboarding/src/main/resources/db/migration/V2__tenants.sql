-- The tenant registry. Platform data, not tenant data: it is read before a tenant exists (the anonymous
-- sign-up, the verification link) and across tenants (platform admins, the tenant-status check of the
-- API), so it has no row-level security; no API hands one tenant another tenant's row. The row is also
-- the sign-up saga's state: saga_step records the last step that completed, so a retry resumes there
-- (docs/adr/0007-sign-up-saga.md).
create table tenants (
    id                      uuid        primary key,
    slug                    text        not null unique,
    legal_name              text        not null,
    company_key             text        not null unique,
    country                 char(2)     not null,
    street                  text        not null,
    postal_code             text        not null,
    city                    text        not null,
    vat_id                  text        unique,
    creditor_type           text        not null check (creditor_type in ('B2C', 'B2B')),
    default_strategy        text        not null,
    admin_email             text        not null unique,
    admin_first_name        text        not null,
    admin_last_name         text        not null,
    locale                  text        not null check (locale in ('de', 'en')),
    status                  text        not null check (status in ('SIGNING_UP', 'PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED')),
    saga_step               text        not null,
    organization_id         uuid        unique,
    admin_user_id           text,
    verification_hash       text        unique,
    verification_expires_at timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 integer     not null
);

create index tenants_status on tenants (status, created_at);
