-- Calls counted for the abuse protection of sign-ups and invitations (docs/onboarding.md). Platform data, not tenant
-- data: a sign-up has no tenant yet and limits per client address or e-mail domain span tenants, so no row-level
-- security. One row per accepted call; refused calls are not recorded, so a key holds at most its limit of rows.
create table rate_limit_hits (
    scope text   not null,
    key   text   not null,
    at_ms bigint not null
);
create index rate_limit_hits_by_key on rate_limit_hits (scope, key, at_ms);
create index rate_limit_hits_by_age on rate_limit_hits (at_ms);
