package io.agiledunning.cases.imports;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.common.events.EventType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The set-based twin of {@code ClaimPlacementService}: merges one staged chunk into debtors, claims and cases
 * with the same outcome per row as placing the rows one by one in file order — the same rows, timeline entries
 * (type, statuses, reason, data) and outbox events (envelope and payload as {@code Outbox.append} writes them);
 * what the placement API refuses with CONFLICT or a currency error is rejected here with the same reason.
 * Additionally a claim reference may occur once per file: later rows with it are rejected as duplicates.
 *
 * <p>Works on the connection's temporary tables: {@code import_context} (one row: tenant, job, clock, actor, the
 * file's names of the columns merge errors point at), {@code import_chunk} (the chunk's valid rows plus what the
 * merge finds out about each), {@code import_chunk_errors} (the chunk's rows the reader rejected),
 * {@code import_refs} (the first row of every claim reference of the file so far) and {@code import_events}.
 * Every statement runs in the chunk's tenant transaction: row-level security holds for every real table.
 */
final class ImportMerge {

    static final String STAGE_ROWS = """
            copy import_chunk (row_no, debtor_ref, kind, name, emails, phones, street, postal_code, city, country, language,
                time_zone, german_state, deceased, insolvency, vulnerable, claim_ref, invoice_number, issue_date, due_date,
                principal_minor, currency, digits, consumer_notice, fees_minor, paid_minor, open_minor) from stdin""";

    static final String STAGE_ERRORS = "copy import_chunk_errors (row_no, seq, field, reason) from stdin";

    private static final String TERMINAL = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isTerminal)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    static final List<String> CREATE_TEMPORARY_TABLES = List.of("""
            create temporary table import_context (
                tenant_id uuid, job_id uuid, now timestamptz, occurred_at text, actor text, correlation_id text,
                first_row bigint, reference_field text, currency_field text)""", """
            create temporary table import_chunk (
                row_no bigint primary key, debtor_ref text, kind text, name text, emails text[], phones text[], street text,
                postal_code text, city text, country text, language text, time_zone text, german_state text,
                deceased boolean, insolvency boolean, vulnerable boolean, claim_ref text, invoice_number text,
                issue_date date, due_date date, principal_minor bigint, currency text, digits int, consumer_notice boolean,
                fees_minor bigint, paid_minor bigint, open_minor bigint,
                reject_field text, reject_reason text, owner_ref text, debtor_id uuid, claim_id uuid, case_id uuid,
                case_status text, case_currency text, outcome text, delta_minor bigint, changed text[], withdrawn_on date)""",
            "create temporary table import_chunk_errors (row_no bigint, seq int, field text, reason text)",
            "create temporary table import_refs (claim_ref text primary key, row_no bigint)", """
            create temporary table import_events (
                row_no bigint, event_id uuid, case_id uuid, type text, schema_version int, from_status text,
                to_status text, reason text, payload jsonb)""");

    static final String CLEAR_CHUNK = "truncate import_chunk, import_chunk_errors, import_events, import_context";

    static final String CONTEXT = """
            insert into import_context (tenant_id, job_id, now, occurred_at, actor, correlation_id, first_row, reference_field, currency_field)
            values (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?)""";

    /** In order; each reads what the ones before found out. */
    private static final List<String> MERGE = List.of(
            // A claim reference once per file: the first row keeps it.
            """
            update import_chunk c set reject_field = x.reference_field,
                reject_reason = format('duplicate claim reference: row %s has it already', r.row_no)
            from import_refs r, import_context x where r.claim_ref = c.claim_ref""",
            """
            update import_chunk c set reject_field = x.reference_field,
                reject_reason = format('duplicate claim reference: row %s has it already', d.first_row)
            from (select claim_ref, min(row_no) first_row from import_chunk where reject_reason is null
                  group by claim_ref having count(*) > 1) d, import_context x
            where d.claim_ref = c.claim_ref and c.row_no > d.first_row and c.reject_reason is null""",
            "insert into import_refs (claim_ref, row_no) select claim_ref, row_no from import_chunk where reject_reason is null",
            // Known claims: unchanged, updated, or refused as the placement API refuses them.
            """
            update import_chunk c set claim_id = cl.id, case_id = cl.case_id, case_status = k.status, case_currency = k.currency,
                owner_ref = d.external_reference,
                outcome = case when (cl.invoice_number, cl.issue_date, cl.due_date, cl.principal_minor, cl.currency::text,
                                     cl.consumer_notice, cl.fees_minor, cl.paid_minor)
                                  = (c.invoice_number, c.issue_date, c.due_date, c.principal_minor, c.currency,
                                     c.consumer_notice, c.fees_minor, c.paid_minor)
                               then 'UNCHANGED' else 'UPDATED' end,
                delta_minor = c.open_minor - (cl.principal_minor + cl.fees_minor - cl.paid_minor),
                withdrawn_on = (cl.withdrawn_at at time zone 'UTC')::date,
                -- named as ClaimData.changedFields names them, in its order
                changed = array_remove(array[
                    case when cl.invoice_number is distinct from c.invoice_number then 'invoiceNumber' end,
                    case when cl.issue_date is distinct from c.issue_date then 'issueDate' end,
                    case when cl.due_date is distinct from c.due_date then 'dueDate' end,
                    case when (cl.principal_minor, cl.currency::text) is distinct from (c.principal_minor, c.currency) then 'principal' end,
                    case when cl.consumer_notice is distinct from c.consumer_notice then 'consumerNotice' end,
                    case when (cl.fees_minor, cl.currency::text) is distinct from (c.fees_minor, c.currency) then 'fees' end,
                    case when (cl.paid_minor, cl.currency::text) is distinct from (c.paid_minor, c.currency) then 'paid' end], null)
            from import_context x, claims cl join debtors d on d.id = cl.debtor_id join cases k on k.id = cl.case_id
            where cl.tenant_id = x.tenant_id and cl.external_reference = c.claim_ref and c.reject_reason is null""",
            """
            update import_chunk c set
                reject_field = case when c.owner_ref <> c.debtor_ref or c.withdrawn_on is not null or c.case_status in %1$s
                                    then x.reference_field else x.currency_field end,
                reject_reason = case
                    when c.owner_ref <> c.debtor_ref then format('claim ''%%s'' belongs to another debtor', c.claim_ref)
                    when c.withdrawn_on is not null
                        then format('claim ''%%s'' was withdrawn on %%s: it can no longer change', c.claim_ref, c.withdrawn_on)
                    when c.case_status in %1$s
                        then format('claim ''%%s'' belongs to case %%s, which is %%s: it can no longer change', c.claim_ref, c.case_id, c.case_status)
                    else format('the debtor''s case %%s is kept in %%s, a claim in %%s cannot join it', c.case_id, c.case_currency, c.currency) end
            from import_context x
            where c.claim_id is not null and c.reject_reason is null
              and (c.owner_ref <> c.debtor_ref
                   or (c.outcome = 'UPDATED' and (c.withdrawn_on is not null or c.case_status in %1$s or c.case_currency <> c.currency)))"""
                    .formatted(TERMINAL),
            // New claims join their debtor's unfinished case ...
            """
            update import_chunk c set case_id = k.id, case_status = k.status, case_currency = k.currency, outcome = 'JOINED',
                delta_minor = c.open_minor
            from import_context x, debtors d join cases k on k.debtor_id = d.id and k.status not in %s
            where d.tenant_id = x.tenant_id and k.tenant_id = x.tenant_id and d.external_reference = c.debtor_ref
              and c.claim_id is null and c.reject_reason is null""".formatted(TERMINAL),
            // ... or the first opens one (named after that claim, as by the API) and the debtor's next ones join it.
            """
            update import_chunk c set reject_field = x.reference_field,
                reject_reason = format('a case with the reference ''%s'' exists already', c.claim_ref)
            from import_context x, cases k
            where k.tenant_id = x.tenant_id and k.external_reference = c.claim_ref
              and c.claim_id is null and c.case_id is null and c.reject_reason is null""",
            """
            update import_chunk c set outcome = 'OPENED', case_id = gen_random_uuid(), case_status = 'OPEN',
                case_currency = c.currency, delta_minor = c.open_minor
            where c.row_no in (select distinct on (debtor_ref) row_no from import_chunk
                               where claim_id is null and case_id is null and reject_reason is null order by debtor_ref, row_no)""",
            """
            update import_chunk c set outcome = 'JOINED', case_id = o.case_id, case_status = o.case_status,
                case_currency = o.case_currency, delta_minor = c.open_minor
            from import_chunk o
            where o.outcome = 'OPENED' and o.debtor_ref = c.debtor_ref and c.claim_id is null and c.case_id is null
              and c.reject_reason is null""",
            """
            update import_chunk c set reject_field = x.currency_field,
                reject_reason = format('the debtor''s case %s is kept in %s, a claim in %s cannot join it', c.case_id, c.case_currency, c.currency)
            from import_context x where c.outcome = 'JOINED' and c.case_currency <> c.currency and c.reject_reason is null""",
            // Debtors: every accepted row places its debtor, so the last accepted row's data wins, as in file order.
            """
            insert into debtors as d (id, tenant_id, external_reference, kind, name, emails, phones, street, postal_code, city,
                country, language, time_zone, german_state, deceased, insolvency, vulnerable, created_at, updated_at)
            select gen_random_uuid(), x.tenant_id, r.debtor_ref, r.kind, r.name, r.emails, r.phones, r.street, r.postal_code,
                   r.city, r.country, r.language, r.time_zone, r.german_state, r.deceased, r.insolvency, r.vulnerable,
                   x.now + (r.row_no - x.first_row) * interval '1 microsecond', x.now + (r.row_no - x.first_row) * interval '1 microsecond'
            from (select distinct on (debtor_ref) * from import_chunk where reject_reason is null order by debtor_ref, row_no desc) r,
                 import_context x
            on conflict (tenant_id, external_reference) do update set kind = excluded.kind, name = excluded.name,
                emails = excluded.emails, phones = excluded.phones, street = excluded.street, postal_code = excluded.postal_code,
                city = excluded.city, country = excluded.country, language = excluded.language, time_zone = excluded.time_zone,
                german_state = excluded.german_state, deceased = excluded.deceased, insolvency = excluded.insolvency,
                vulnerable = excluded.vulnerable, updated_at = excluded.updated_at
            where (d.kind, d.name, d.emails, d.phones, d.street, d.postal_code, d.city, d.country::text, d.language, d.time_zone,
                   d.german_state, d.deceased, d.insolvency, d.vulnerable)
                  is distinct from (excluded.kind, excluded.name, excluded.emails, excluded.phones, excluded.street,
                   excluded.postal_code, excluded.city, excluded.country::text, excluded.language, excluded.time_zone,
                   excluded.german_state, excluded.deceased, excluded.insolvency, excluded.vulnerable)""",
            """
            update import_chunk c set debtor_id = d.id from import_context x, debtors d
            where d.tenant_id = x.tenant_id and d.external_reference = c.debtor_ref and c.reject_reason is null
              and c.outcome in ('OPENED', 'JOINED')""",
            """
            insert into cases (id, tenant_id, external_reference, debtor_name, outstanding_minor, currency, status, opened_by,
                created_at, debtor_id, oldest_due_date)
            select c.case_id, x.tenant_id, c.claim_ref, c.name, c.open_minor, c.currency, 'OPEN', x.actor,
                   x.now + (c.row_no - x.first_row) * interval '1 microsecond', c.debtor_id, c.due_date
            from import_chunk c, import_context x where c.outcome = 'OPENED' and c.reject_reason is null order by c.row_no""",
            """
            insert into claims (id, tenant_id, debtor_id, case_id, external_reference, invoice_number, issue_date, due_date,
                principal_minor, currency, consumer_notice, fees_minor, paid_minor, created_at, updated_at)
            select gen_random_uuid(), x.tenant_id, c.debtor_id, c.case_id, c.claim_ref, c.invoice_number, c.issue_date,
                   c.due_date, c.principal_minor, c.currency, c.consumer_notice, c.fees_minor, c.paid_minor,
                   x.now + (c.row_no - x.first_row) * interval '1 microsecond', x.now + (c.row_no - x.first_row) * interval '1 microsecond'
            from import_chunk c, import_context x where c.outcome in ('OPENED', 'JOINED') and c.reject_reason is null order by c.row_no""",
            """
            update claims cl set invoice_number = c.invoice_number, issue_date = c.issue_date, due_date = c.due_date,
                principal_minor = c.principal_minor, currency = c.currency, consumer_notice = c.consumer_notice,
                fees_minor = c.fees_minor, paid_minor = c.paid_minor,
                updated_at = x.now + (c.row_no - x.first_row) * interval '1 microsecond'
            from import_chunk c, import_context x
            where cl.tenant_id = x.tenant_id and cl.id = c.claim_id and c.outcome = 'UPDATED' and c.reject_reason is null""",
            // A case's balance: principal + fees - paid over its claims, and its oldest due date, recomputed as the API does.
            """
            update cases k set outstanding_minor = s.total, oldest_due_date = s.oldest
            from import_context x, (select cl.case_id, sum(cl.principal_minor + cl.fees_minor - cl.paid_minor) total,
                                           min(cl.due_date) oldest
                                    from claims cl, import_context x
                                    where cl.tenant_id = x.tenant_id and cl.withdrawn_at is null and cl.case_id in (
                                        select case_id from import_chunk where outcome in ('JOINED', 'UPDATED') and reject_reason is null)
                                    group by cl.case_id) s
            where k.tenant_id = x.tenant_id and k.id = s.case_id""",
            // The events, as the API's services build them; a ClaimUpdated carries the balance right after its row.
            """
            insert into import_events (row_no, event_id, case_id, type, schema_version, from_status, to_status, reason, payload)
            select c.row_no, gen_random_uuid(), c.case_id, '%1$s', %2$d, null, 'OPEN', 'case opened by placing claim ' || c.claim_ref,
                   jsonb_build_object('caseId', c.case_id, 'externalReference', c.claim_ref, 'debtorName', c.name,
                                      'outstanding', import_money(c.open_minor, c.currency, c.digits))
            from import_chunk c where c.outcome = 'OPENED' and c.reject_reason is null
            union all
            select c.row_no, gen_random_uuid(), c.case_id, '%3$s', %4$d, c.case_status, c.case_status,
                   format('claim %%s (%%s %%s) joined the case', c.claim_ref,
                          round(c.principal_minor::numeric / power(10::numeric, c.digits), c.digits), c.currency),
                   jsonb_build_object('caseId', c.case_id, 'claimReference', c.claim_ref,
                                      'amount', import_money(c.principal_minor, c.currency, c.digits))
            from import_chunk c where c.outcome = 'JOINED' and c.reject_reason is null
            union all
            select u.row_no, gen_random_uuid(), u.case_id, '%5$s', %6$d, u.case_status, u.case_status,
                   format('claim %%s updated: %%s', u.claim_ref, array_to_string(u.changed, ', ')),
                   jsonb_build_object('caseId', u.case_id, 'claimId', u.claim_id, 'claimReference', u.claim_ref,
                                      'invoiceNumber', u.invoice_number, 'issueDate', to_char(u.issue_date, 'YYYY-MM-DD'),
                                      'dueDate', to_char(u.due_date, 'YYYY-MM-DD'),
                                      'principal', import_money(u.principal_minor, u.currency, u.digits),
                                      'fees', import_money(u.fees_minor, u.currency, u.digits),
                                      'paid', import_money(u.paid_minor, u.currency, u.digits),
                                      'consumerNotice', u.consumer_notice,
                                      'caseOutstanding', import_money(k.outstanding_minor - u.later, u.currency, u.digits),
                                      'changedFields', to_jsonb(u.changed))
            from (select c.*, coalesce(sum(c.delta_minor) over (partition by c.case_id order by c.row_no
                                       rows between 1 following and unbounded following), 0)::bigint later
                  from import_chunk c where c.reject_reason is null and c.outcome in ('OPENED', 'JOINED', 'UPDATED')) u
                 join cases k on k.id = u.case_id
            where u.outcome = 'UPDATED'"""
                    .formatted(EventType.CASE_OPENED.wireName(), EventType.CASE_OPENED.schemaVersion(),
                            EventType.CLAIM_ADDED.wireName(), EventType.CLAIM_ADDED.schemaVersion(),
                            EventType.CLAIM_UPDATED.wireName(), EventType.CLAIM_UPDATED.schemaVersion()),
            """
            insert into case_events (id, tenant_id, case_id, type, from_status, to_status, reason, data, actor, occurred_at)
            select gen_random_uuid(), x.tenant_id, e.case_id, e.type, e.from_status, e.to_status, e.reason, e.payload, x.actor,
                   x.now + (e.row_no - x.first_row) * interval '1 microsecond'
            from import_events e, import_context x order by e.row_no""",
            // created_at: clock_timestamp() per row, in row order, as Outbox.append keeps the order of appends.
            """
            insert into outbox (event_id, tenant_id, topic, message_key, envelope, created_at)
            select e.event_id, x.tenant_id, '%s', x.tenant_id || ':' || e.case_id,
                   jsonb_build_object('eventId', e.event_id, 'type', e.type, 'schemaVersion', e.schema_version,
                                      'tenantId', x.tenant_id, 'aggregateId', e.case_id::text, 'occurredAt', x.occurred_at,
                                      'correlationId', x.correlation_id, 'payload', import_envelope_payload(e.payload)),
                   clock_timestamp()
            from (select * from import_events order by row_no) e, import_context x""".formatted(EventType.CLAIM_ADDED.topic()),
            """
            insert into import_errors (tenant_id, job_id, row_no, seq, field, reason)
            select x.tenant_id, x.job_id, c.row_no, 1, c.reject_field, c.reject_reason
            from import_chunk c, import_context x where c.reject_reason is not null
            union all
            select x.tenant_id, x.job_id, e.row_no, e.seq, e.field, e.reason from import_chunk_errors e, import_context x""");

    static final String OUTCOMES = """
            select count(*) filter (where reject_reason is not null),
                   count(*) filter (where reject_reason is null and outcome in ('OPENED', 'JOINED')),
                   count(*) filter (where reject_reason is null and outcome = 'UPDATED'),
                   count(*) filter (where reject_reason is null and outcome = 'UNCHANGED')
            from import_chunk""";

    private ImportMerge() {
    }

    static void createTemporaryTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : CREATE_TEMPORARY_TABLES) {
                statement.execute(ddl);
            }
        }
    }

    static void merge(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze import_chunk");
            for (String sql : MERGE) {
                statement.execute(sql);
            }
        }
    }
}
