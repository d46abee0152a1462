-- The fee each contact announced (its step's fee or the tenant's flat reminder fee at the time), in minor units of
-- the case's currency; the legal engine charges it when the law allows. Null for contacts recorded before: they cost
-- the tenant's current flat reminder fee, as they did.
alter table dunning_contacts add column fee_minor bigint check (fee_minor >= 0);
