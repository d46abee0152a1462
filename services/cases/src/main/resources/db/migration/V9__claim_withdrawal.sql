-- Claims withdrawn by the tenant (cases issue, "withdrawClaim"): the row stays (audit trail, retention), it no
-- longer counts towards the case's balance. A case ended by the withdrawal of its last claim is CLOSED with
-- close_reason WITHDRAWN; close_reason says how any case ended.
alter table claims
    add column withdrawn_at      timestamptz,
    add column withdrawal_reason text,
    add constraint claims_withdrawal_has_reason check ((withdrawn_at is null) = (withdrawal_reason is null));

alter table cases
    add column close_reason text check (close_reason in
        ('PAID', 'SETTLED', 'HANDED_OVER', 'WRITTEN_OFF', 'WITHDRAWN', 'DISPUTE_UPHELD'));

-- Cases that ended before: their status says how, except CLOSED (a withdrawal or an upheld dispute), left unknown.
update cases set close_reason = status where status in ('PAID', 'SETTLED', 'HANDED_OVER', 'WRITTEN_OFF');
