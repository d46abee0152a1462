-- Offboarding (docs/offboarding.md): a platform admin ends the tenant's contract. Its users and clients are refused
-- from then on, its data is exported, kept with processing restricted and erased when the retention rules allow;
-- retention counts from the offboarding day. The tenant record itself stays: it is the platform's own record of
-- its contract with the client company.
alter table tenants drop constraint tenants_status_check;
alter table tenants add constraint tenants_status_check
    check (status in ('SIGNING_UP', 'PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED', 'OFFBOARDED'));
alter table tenants add column offboarded_on date;
