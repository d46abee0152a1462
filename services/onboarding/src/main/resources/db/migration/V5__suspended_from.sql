-- The status a suspension interrupted: lifting it returns there (a tenant suspended before its admin verified
-- goes back to PENDING_VERIFICATION, not to ACTIVE).
alter table tenants add column suspended_from text check (suspended_from in ('PENDING_VERIFICATION', 'ACTIVE'));
