-- Base rates (Basiszinssatz, § 247 BGB) published after a release, added by platform admins. Platform data,
-- the same for every tenant: no tenant_id and no row-level security. The bundled law/base-rates.csv comes
-- first; these rows continue it half-year by half-year without gaps (checked by the service).
create table base_rates (
    valid_from date         primary key
                            check (extract(day from valid_from) = 1 and extract(month from valid_from) in (1, 7)),
    percent    numeric(5, 2) not null,
    source     text         not null,
    added_by   text         not null,
    added_at   timestamptz  not null
);

-- A published rate is history: it is added, never changed or removed by the application.
revoke update, delete, truncate on base_rates from ${appRole};
