-- Timeline entries of DebtorAttributesChanged carry the debtor's attributes (personal data like the rest of the
-- debtor): erasure drops them too. The same function as V15's, with 'attributes' among the removed keys.
create or replace function erase_case_event_texts(erased_debtor uuid, replacement text) returns int
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    changed int;
begin
    update case_events
    set reason = replacement,
        data = data - array['debtorName', 'reason', 'reasons', 'evidenceNote', 'note', 'consents', 'attributes']
    where case_id in (select id from cases where debtor_id = erased_debtor)
      and tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid;
    get diagnostics changed = row_count;
    return changed;
end
$$;
