-- The claims the debtor named with a payment (§ 366(1) BGB), in the order named; empty when none. Numbered V10 so
-- that payments' own next migrations (V2…) stay free for the Stripe work done alongside.
alter table payments add column designated_claim_ids uuid[] not null default '{}';
