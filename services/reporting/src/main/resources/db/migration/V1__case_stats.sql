-- Cases placed per tenant and currency, fed by CaseOpened events.
create table tenant_case_stats (
    tenant_id           uuid        not null,
    currency            char(3)     not null,
    cases_opened        bigint      not null,
    amount_placed_minor bigint      not null,
    updated_at          timestamptz not null,
    primary key (tenant_id, currency)
);

select enable_tenant_isolation('tenant_case_stats');
