-- The tenant's own attributes of a debtor (industry, product, customer tier, …) that segment rules match, as sorted
-- "key=value" entries (keys never contain "="). Personal data like the rest of the debtor: erased with it.
alter table debtors add column attributes text[] not null default '{}';
