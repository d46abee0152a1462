-- Data protection per debtor (docs/cases.md, "Data protection"): restriction of processing (Art. 18 GDPR), erasure
-- (Art. 17) that keeps what a retention duty covers, pseudonymized, until retained_until, and the debtor's consents.
alter table debtors
    add column restricted_at      timestamptz,
    add column restriction_reason text,
    add column erased_at          timestamptz,
    add column retained_until     date,
    add constraint debtors_restriction_has_reason check ((restricted_at is null) = (restriction_reason is null));

-- Consent to be contacted on a channel, as the debtor gave it (source, time); one row per debtor and channel, deleted
-- when the consent is withdrawn (the timeline and DebtorConsentsChanged keep the history).
create table debtor_consents (
    tenant_id   uuid        not null,
    debtor_id   uuid        not null,
    channel     text        not null check (channel in ('EMAIL', 'SMS', 'LETTER', 'PHONE')),
    source      text        not null,
    given_at    timestamptz not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (tenant_id, debtor_id, channel)
);
select enable_tenant_isolation('debtor_consents');

-- The timeline is append-only for the application (V2). Erasure is the one change it may make there: the free texts
-- and names of an erased debtor's entries are replaced, type, statuses, actor and time stay (the audit trail). Run as
-- the owner, still under the forced row-level security of the caller's tenant transaction.
create function erase_case_event_texts(erased_debtor uuid, replacement text) returns int
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    changed int;
begin
    update case_events
    set reason = replacement,
        data = data - array['debtorName', 'reason', 'reasons', 'evidenceNote', 'note', 'consents']
    where case_id in (select id from cases where debtor_id = erased_debtor)
      and tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid;
    get diagnostics changed = row_count;
    return changed;
end
$$;
revoke all on function erase_case_event_texts(uuid, text) from public;
grant execute on function erase_case_event_texts(uuid, text) to ${appRole};
