-- The tenant's time zone, from TenantSettingsChanged (onboarding owns it): "today" of the case commands and queries is
-- the tenant's local date (TenantCalendar). No row: Europe/Berlin. The newest settings version wins.
create table tenant_time_zones (
    tenant_id        uuid        primary key,
    time_zone        text        not null,
    settings_version int         not null,
    updated_at       timestamptz not null
);
select enable_tenant_isolation('tenant_time_zones');
