package io.agiledunning.cases.imports;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.common.events.EventType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The set-based twin of {@code ClaimPlacementService}: merges one staged chunk into debtors, claims and cases
 * with the same outcome per row as placing the rows one by one in file order — the same rows, timeline entries
 * (type, statuses, reason, data) and outbox events (envelope and payload as {@code Outbox.append} writes them);
 * what the placement API refuses with CONFLICT or a currency error is rejected here with the same reason.
 * Additionally a claim reference may occur once per file: later rows with it are rejected as duplicates.
 *
 * <p>Works on the connection's temporary tables: {@code import_context} (one row: tenant, job, clock, actor, the
 * file's names of the columns merge errors point at), {@code import_chunk} (the chunk's valid rows as staged, with
 * what the reader settled: {@link ChunkIds}), {@code import_plan} (each row with its outcome, written by one
 * classifying statement; every later step reads it), {@code import_chunk_errors} (the chunk's rows the reader
 * rejected) and {@code import_refs} (the first row of every claim reference of the file so far). Every statement runs
 * in the chunk's tenant transaction: row-level security holds for every real table. Why it is shaped so:
 * docs/adr/0010-faster-bulk-import.md.
 */
final class ImportMerge {

    static final String STAGE_ROWS = """
            copy import_chunk (row_no, debtor_ref, kind, name, emails, phones, street, postal_code, city, country, language,
                time_zone, german_state, deceased, insolvency, vulnerable, attributes, claim_ref, invoice_number, issue_date,
                due_date, principal_minor, currency, digits, consumer_notice, fees_minor, paid_minor, open_minor,
                duplicate_in_chunk, debtor_candidate, case_candidate) from stdin""";

    static final String STAGE_ERRORS = "copy import_chunk_errors (row_no, seq, field, reason) from stdin";

    private static final String TERMINAL = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isTerminal)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    /** What the merge found out about each staged row; {@code outcome} names the rejections too. */
    private static final String PLAN_COLUMNS = """
            row_no bigint, debtor_ref text, kind text, name text, emails text[], phones text[], street text,
            postal_code text, city text, country text, language text, time_zone text, german_state text,
            deceased boolean, insolvency boolean, vulnerable boolean, attributes text[], claim_ref text, invoice_number text,
            issue_date date, due_date date, principal_minor bigint, currency text, digits int, consumer_notice boolean,
            fees_minor bigint, paid_minor bigint, open_minor bigint,
            outcome text, reject_field text, reject_reason text, debtor_id uuid, new_debtor boolean, claim_id uuid,
            case_id uuid, case_status text, case_currency text, delta_minor bigint, changed text[], withdrawn_on date""";

    /**
     * The import connection's session: staging tables; memory to sort a chunk without spilling; and nested loops
     * for every join. Each join of the merge looks up a chunk's rows by a unique key (external reference, id), so
     * index lookups cost the chunk's size, while the hash or merge joins the planner otherwise picks for a large
     * chunk scan the tenant's whole debtors, cases and claims once per chunk: an import growing quadratically.
     * The merge writes the search terms of the rows it creates itself, so V14's triggers skip them for this session.
     */
    static final List<String> SESSION_SETUP = List.of("set work_mem = '64MB'", "set enable_hashjoin = off",
            "set enable_mergejoin = off", "set agiledunning.search_terms_written_by_caller = on", """
            create temporary table import_context (
                tenant_id uuid, job_id uuid, now timestamptz, occurred_at text, actor text, correlation_id text,
                first_row bigint, reference_field text, currency_field text)""", """
            create temporary table import_chunk (
                row_no bigint, debtor_ref text, kind text, name text, emails text[], phones text[], street text,
                postal_code text, city text, country text, language text, time_zone text, german_state text,
                deceased boolean, insolvency boolean, vulnerable boolean, attributes text[], claim_ref text, invoice_number text,
                issue_date date, due_date date, principal_minor bigint, currency text, digits int, consumer_notice boolean,
                fees_minor bigint, paid_minor bigint, open_minor bigint,
                duplicate_in_chunk bigint, debtor_candidate uuid, case_candidate uuid)""",
            "create temporary table import_plan (" + PLAN_COLUMNS + ")",
            "create temporary table import_chunk_errors (row_no bigint, seq int, field text, reason text)",
            "create temporary table import_refs (claim_ref text primary key, row_no bigint)");

    static final String CLEAR_CHUNK = "truncate import_chunk, import_plan, import_chunk_errors, import_context";

    static final String CONTEXT = """
            insert into import_context (tenant_id, job_id, now, occurred_at, actor, correlation_id, first_row, reference_field, currency_field)
            values (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String ACCEPTED = "('OPENED', 'JOINED', 'UPDATED', 'UNCHANGED')";

    /** The debtors the chunk creates, each with its last accepted row's data, as placing the rows in file order. */
    private static final String NEW_DEBTORS = """
            (select distinct on (debtor_ref collate "C") * from import_plan where outcome in %s and new_debtor
             order by debtor_ref collate "C", row_no desc)""".formatted(ACCEPTED);

    /**
     * Each debtor's attributes as placing the rows in file order leaves them: those of its last accepted row that
     * gave any ({@code null}: the row leaves the kept ones as they are).
     */
    private static final String LAST_ATTRIBUTES = """
            (select distinct on (debtor_ref collate "C") debtor_ref, attributes from import_plan
             where outcome in %s and attributes is not null order by debtor_ref collate "C", row_no desc)""".formatted(ACCEPTED);

    /** A row's time: the chunk's clock plus its offset in µs, so the rows of a case keep file order. */
    private static final String ROW_TIME = "x.now + (%s.row_no - x.first_row) * interval '1 microsecond'";

    /** What a chunk's rows came to; steps with nothing to do are skipped. */
    record Outcomes(long rejected, long created, long updated, long unchanged, long ofKnownDebtors, long ofNewDebtors,
                    long joined) {
    }

    private record Step(String name, Predicate<Outcomes> needed, String sql) {
    }

    private static final String CLASSIFY = "classify rows (one pass: duplicates, known claims, debtors, cases, refusals)";

    /** In order; each reads what the ones before wrote. */
    private static final List<Step> MERGE = List.of(
            new Step(CLASSIFY, o -> true, """
            insert into import_plan
            with looked_up as (
                select c.*,
                       coalesce(r.row_no, c.duplicate_in_chunk) duplicate_of,
                       cl.id known_claim, cl.case_id known_case, kc.status known_status, kc.currency::text known_currency,
                       dc.external_reference owner_ref,
                       (cl.invoice_number, cl.issue_date, cl.due_date, cl.principal_minor, cl.currency::text,
                        cl.consumer_notice, cl.fees_minor, cl.paid_minor)
                         = (c.invoice_number, c.issue_date, c.due_date, c.principal_minor, c.currency,
                            c.consumer_notice, c.fees_minor, c.paid_minor) same,
                       cl.principal_minor + cl.fees_minor - cl.paid_minor known_open,
                       (cl.withdrawn_at at time zone 'UTC')::date withdrawn_on,
                       -- named as ClaimData.changedFields names them, in its order
                       array_remove(array[
                           case when cl.invoice_number is distinct from c.invoice_number then 'invoiceNumber' end,
                           case when cl.issue_date is distinct from c.issue_date then 'issueDate' end,
                           case when cl.due_date is distinct from c.due_date then 'dueDate' end,
                           case when (cl.principal_minor, cl.currency::text) is distinct from (c.principal_minor, c.currency) then 'principal' end,
                           case when cl.consumer_notice is distinct from c.consumer_notice then 'consumerNotice' end,
                           case when (cl.fees_minor, cl.currency::text) is distinct from (c.fees_minor, c.currency) then 'fees' end,
                           case when (cl.paid_minor, cl.currency::text) is distinct from (c.paid_minor, c.currency) then 'paid' end], null) changed,
                       d.id existing_debtor, ka.id active_case, ka.status active_status, ka.currency::text active_currency,
                       kr.id is not null case_reference_taken,
                       uuidv7() new_claim_id
                from import_chunk c
                cross join import_context x
                left join import_refs r on r.claim_ref = c.claim_ref
                left join claims cl on cl.tenant_id = x.tenant_id and cl.external_reference = c.claim_ref
                left join debtors dc on dc.id = cl.debtor_id
                left join cases kc on kc.id = cl.case_id
                left join debtors d on d.tenant_id = x.tenant_id and d.external_reference = c.debtor_ref
                left join cases ka on ka.tenant_id = x.tenant_id and ka.debtor_id = d.id and ka.status not in %1$s
                left join cases kr on kr.tenant_id = x.tenant_id and kr.external_reference = c.claim_ref),
            judged as (
                select l.*, case
                    when duplicate_of is not null then 'DUPLICATE'
                    when known_claim is not null then case
                        when owner_ref <> debtor_ref then 'OTHER_DEBTOR'
                        when same then 'UNCHANGED'
                        when withdrawn_on is not null then 'WITHDRAWN'
                        when known_status in %1$s then 'FINISHED'
                        when known_currency <> currency then 'CURRENCY'
                        else 'UPDATED' end
                    when active_case is not null then case when active_currency <> currency then 'CURRENCY' else 'JOINED' end
                    when case_reference_taken then 'CASE_REFERENCE_TAKEN'
                    else 'NEW_CASE' end verdict
                from looked_up l),
            -- The first new claim of a debtor without an unfinished case opens one (named after that claim); the
            -- debtor's next ones join it.
            opened as (
                select j.*, first_value(row_no) over w opener, first_value(currency) over w opened_currency
                from judged j
                window w as (partition by debtor_ref collate "C", verdict = 'NEW_CASE' order by row_no)),
            decided as (
                select o.*,
                       case when verdict <> 'NEW_CASE' then verdict
                            when row_no = opener then 'OPENED'
                            when opened_currency <> currency then 'CURRENCY'
                            else 'JOINED' end outcome,
                       coalesce(known_case, active_case, case when verdict = 'NEW_CASE' then case_candidate end) case_id,
                       coalesce(known_status, active_status, 'OPEN') case_status,
                       coalesce(known_currency, active_currency, opened_currency) case_currency
                from opened o)
            select row_no, debtor_ref, kind, name, emails, phones, street, postal_code, city, country, language, time_zone,
                   german_state, deceased, insolvency, vulnerable, attributes, claim_ref, invoice_number, issue_date, due_date,
                   principal_minor, currency, digits, consumer_notice, fees_minor, paid_minor, open_minor,
                   outcome,
                   case when outcome = 'CURRENCY' then x.currency_field when outcome not in %2$s then x.reference_field end,
                   case outcome
                       when 'DUPLICATE' then format('duplicate claim reference: row %%s has it already', duplicate_of)
                       when 'OTHER_DEBTOR' then format('claim ''%%s'' belongs to another debtor', claim_ref)
                       when 'WITHDRAWN' then format('claim ''%%s'' was withdrawn on %%s: it can no longer change',
                                                    claim_ref, withdrawn_on)
                       when 'FINISHED' then format('claim ''%%s'' belongs to case %%s, which is %%s: it can no longer change',
                                                   claim_ref, case_id, case_status)
                       when 'CURRENCY' then format('the debtor''s case %%s is kept in %%s, a claim in %%s cannot join it',
                                                   case_id, case_currency, currency)
                       when 'CASE_REFERENCE_TAKEN' then format('a case with the reference ''%%s'' exists already', claim_ref)
                   end,
                   coalesce(existing_debtor, debtor_candidate), existing_debtor is null,
                   coalesce(known_claim, new_claim_id), case_id, case_status, case_currency,
                   case when outcome = 'UPDATED' then open_minor - known_open else open_minor end, changed, withdrawn_on
            from decided, import_context x""".formatted(TERMINAL, ACCEPTED)),
            new Step("remember the file's claim references", o -> true, """
            insert into import_refs (claim_ref, row_no) select claim_ref, row_no from import_plan where outcome <> 'DUPLICATE'"""),
            // Debtors: every accepted row places its debtor, so the last accepted row's data wins, as in file order.
            new Step("update known debtors", o -> o.ofKnownDebtors() > 0, """
            update debtors d set kind = r.kind, name = r.name, emails = r.emails, phones = r.phones, street = r.street,
                postal_code = r.postal_code, city = r.city, country = r.country, language = r.language, time_zone = r.time_zone,
                german_state = r.german_state, deceased = r.deceased, insolvency = r.insolvency, vulnerable = r.vulnerable,
                attributes = coalesce(a.attributes, d.attributes), updated_at = %s
            from (select distinct on (debtor_ref collate "C") * from import_plan where outcome in %s and not new_debtor
                  order by debtor_ref collate "C", row_no desc) r
                 left join %s a on a.debtor_ref = r.debtor_ref, import_context x
            where d.id = r.debtor_id and d.erased_at is null -- erased since the chunk was classified: stays erased
              and (d.kind, d.name, d.emails, d.phones, d.street, d.postal_code, d.city, d.country::text, d.language, d.time_zone,
                   d.german_state, d.deceased, d.insolvency, d.vulnerable, d.attributes)
                  is distinct from (r.kind, r.name, r.emails, r.phones, r.street, r.postal_code, r.city, r.country, r.language,
                   r.time_zone, r.german_state, r.deceased, r.insolvency, r.vulnerable, coalesce(a.attributes, d.attributes))"""
                    .formatted(ROW_TIME.formatted("r"), ACCEPTED, LAST_ATTRIBUTES)),
            new Step("insert new debtors", o -> o.ofNewDebtors() > 0, """
            insert into debtors (id, tenant_id, external_reference, kind, name, emails, phones, street, postal_code, city,
                country, language, time_zone, german_state, deceased, insolvency, vulnerable, attributes, created_at, updated_at)
            select r.debtor_id, x.tenant_id, r.debtor_ref, r.kind, r.name, r.emails, r.phones, r.street, r.postal_code,
                   r.city, r.country, r.language, r.time_zone, r.german_state, r.deceased, r.insolvency, r.vulnerable,
                   coalesce(a.attributes, '{}'), %1$s, %1$s
            from %2$s r left join %3$s a on a.debtor_ref = r.debtor_ref, import_context x"""
                    .formatted(ROW_TIME.formatted("r"), NEW_DEBTORS, LAST_ATTRIBUTES)),
            new Step("insert opened cases", o -> o.created() > 0, """
            insert into cases (id, tenant_id, external_reference, debtor_name, outstanding_minor, currency, status, opened_by,
                created_at, debtor_id, oldest_due_date)
            select c.case_id, x.tenant_id, c.claim_ref, c.name, c.open_minor, c.currency, 'OPEN', x.actor, %s, c.debtor_id,
                   c.due_date
            from import_plan c, import_context x where c.outcome = 'OPENED'""".formatted(ROW_TIME.formatted("c"))),
            new Step("insert new claims", o -> o.created() > 0, """
            insert into claims (id, tenant_id, debtor_id, case_id, external_reference, invoice_number, issue_date, due_date,
                principal_minor, currency, consumer_notice, fees_minor, paid_minor, created_at, updated_at)
            select c.claim_id, x.tenant_id, c.debtor_id, c.case_id, c.claim_ref, c.invoice_number, c.issue_date,
                   c.due_date, c.principal_minor, c.currency, c.consumer_notice, c.fees_minor, c.paid_minor, %1$s, %1$s
            from import_plan c, import_context x where c.outcome in ('OPENED', 'JOINED')""".formatted(ROW_TIME.formatted("c"))),
            // The search terms V9_1's triggers would write, set-based; the session skips those triggers (SESSION_SETUP).
            new Step("search terms of new debtors and claims", o -> o.created() > 0, """
            insert into search_terms (tenant_id, term, debtor_id, source_id)
            select x.tenant_id, t, r.debtor_id, r.debtor_id
            from %s r, import_context x, debtor_terms(r.name, r.debtor_ref) t
            union all
            select distinct x.tenant_id, lower(t), c.debtor_id, c.claim_id
            from import_plan c, import_context x, unnest(array[c.claim_ref, c.invoice_number]) t
            where c.outcome in ('OPENED', 'JOINED')""".formatted(NEW_DEBTORS)),
            new Step("update changed claims", o -> o.updated() > 0, """
            update claims cl set invoice_number = c.invoice_number, issue_date = c.issue_date, due_date = c.due_date,
                principal_minor = c.principal_minor, currency = c.currency, consumer_notice = c.consumer_notice,
                fees_minor = c.fees_minor, paid_minor = c.paid_minor, updated_at = %s
            from import_plan c, import_context x
            where cl.tenant_id = x.tenant_id and cl.id = c.claim_id and c.outcome = 'UPDATED'""".formatted(ROW_TIME.formatted("c"))),
            // A case's balance: principal + fees - paid over its open (not withdrawn) claims, and its oldest due date,
            // recomputed as the API does.
            new Step("recompute balances of cases that claims joined or changed in", o -> o.updated() + o.joined() > 0, """
            update cases k set outstanding_minor = s.total, oldest_due_date = s.oldest
            from import_context x, (select cl.case_id, sum(cl.principal_minor + cl.fees_minor - cl.paid_minor) total,
                                           min(cl.due_date) oldest
                                    from claims cl, import_context x
                                    where cl.tenant_id = x.tenant_id and cl.withdrawn_at is null and cl.case_id in (
                                        select case_id from import_plan where outcome in ('JOINED', 'UPDATED'))
                                    group by cl.case_id) s
            where k.tenant_id = x.tenant_id and k.id = s.case_id"""),
            // The events, as the API's services build them; a ClaimUpdated carries the balance right after its row.
            // The timeline keeps amounts at the currency's scale, the envelope's payload without trailing zeros.
            new Step("timeline and outbox events", o -> o.created() + o.updated() > 0, """
            with e as materialized (
                select c.row_no, c.case_id, '%1$s' type, %2$d schema_version, null from_status, 'OPEN' to_status,
                       'case opened by placing claim ' || c.claim_ref reason,
                       jsonb_build_object('caseId', c.case_id, 'externalReference', c.claim_ref, 'debtorName', c.name,
                                          'outstanding', import_money(c.open_minor, c.currency, c.digits)) data,
                       jsonb_build_object('caseId', c.case_id, 'externalReference', c.claim_ref, 'debtorName', c.name,
                                          'outstanding', import_payload_money(c.open_minor, c.currency, c.digits)) payload
                from import_plan c where c.outcome = 'OPENED'
                union all
                select c.row_no, c.case_id, '%3$s', %4$d, c.case_status, c.case_status,
                       format('claim %%s (%%s %%s) joined the case', c.claim_ref,
                              round(c.principal_minor::numeric / power(10::numeric, c.digits), c.digits), c.currency),
                       jsonb_build_object('caseId', c.case_id, 'claimReference', c.claim_ref,
                                          'amount', import_money(c.principal_minor, c.currency, c.digits)),
                       jsonb_build_object('caseId', c.case_id, 'claimReference', c.claim_ref,
                                          'amount', import_payload_money(c.principal_minor, c.currency, c.digits))
                from import_plan c where c.outcome = 'JOINED'
                union all
                select u.row_no, u.case_id, '%5$s', %6$d, u.case_status, u.case_status, format('claim %%s updated: %%s', u.claim_ref, array_to_string(u.changed, ', ')),
                       u.fields || jsonb_build_object(
                           'principal', import_money(u.principal_minor, u.currency, u.digits),
                           'fees', import_money(u.fees_minor, u.currency, u.digits),
                           'paid', import_money(u.paid_minor, u.currency, u.digits),
                           'caseOutstanding', import_money(k.outstanding_minor - u.later, u.currency, u.digits)),
                       u.fields || jsonb_build_object(
                           'principal', import_payload_money(u.principal_minor, u.currency, u.digits),
                           'fees', import_payload_money(u.fees_minor, u.currency, u.digits),
                           'paid', import_payload_money(u.paid_minor, u.currency, u.digits),
                           'caseOutstanding', import_payload_money(k.outstanding_minor - u.later, u.currency, u.digits))
                from (select c.*,
                             jsonb_build_object('caseId', c.case_id, 'claimId', c.claim_id, 'claimReference', c.claim_ref,
                                                'invoiceNumber', c.invoice_number, 'issueDate', to_char(c.issue_date, 'YYYY-MM-DD'),
                                                'dueDate', to_char(c.due_date, 'YYYY-MM-DD'), 'consumerNotice', c.consumer_notice,
                                                'changedFields', to_jsonb(c.changed)) fields,
                             coalesce(sum(c.delta_minor) over (partition by c.case_id order by c.row_no
                                      rows between 1 following and unbounded following), 0)::bigint later
                      from import_plan c where c.outcome in ('OPENED', 'JOINED', 'UPDATED')
                        and c.case_id in (select case_id from import_plan where outcome = 'UPDATED')) u
                     join cases k on k.id = u.case_id
                where u.outcome = 'UPDATED'),
            timeline as (
                insert into case_events (id, tenant_id, case_id, type, from_status, to_status, reason, data, actor, occurred_at)
                select uuidv7(), x.tenant_id, e.case_id, e.type, e.from_status, e.to_status, e.reason, e.data, x.actor, %7$s
                from e, import_context x)
            -- created_at: clock_timestamp() per row, in row order, as Outbox.append keeps the order of appends.
            insert into outbox (event_id, tenant_id, topic, message_key, envelope, created_at)
            select s.event_id, x.tenant_id, '%8$s', x.tenant_id || ':' || s.case_id,
                   jsonb_build_object('eventId', s.event_id, 'type', s.type, 'schemaVersion', s.schema_version,
                                      'tenantId', x.tenant_id, 'aggregateId', s.case_id::text, 'occurredAt', x.occurred_at,
                                      'correlationId', x.correlation_id, 'payload', s.payload),
                   clock_timestamp()
            from (select uuidv7() event_id, e.* from e order by e.row_no) s, import_context x"""
                    .formatted(EventType.CASE_OPENED.wireName(), EventType.CASE_OPENED.schemaVersion(),
                            EventType.CLAIM_ADDED.wireName(), EventType.CLAIM_ADDED.schemaVersion(),
                            EventType.CLAIM_UPDATED.wireName(), EventType.CLAIM_UPDATED.schemaVersion(),
                            ROW_TIME.formatted("e"), EventType.CLAIM_ADDED.topic())),
            new Step("error report rows", o -> true, """
            insert into import_errors (tenant_id, job_id, row_no, seq, field, reason)
            select x.tenant_id, x.job_id, c.row_no, 1, c.reject_field, c.reject_reason
            from import_plan c, import_context x where c.reject_reason is not null
            union all
            select x.tenant_id, x.job_id, e.row_no, e.seq, e.field, e.reason from import_chunk_errors e, import_context x"""));

    private static final String OUTCOMES = """
            select count(*) filter (where outcome not in %1$s),
                   count(*) filter (where outcome in ('OPENED', 'JOINED')),
                   count(*) filter (where outcome = 'UPDATED'),
                   count(*) filter (where outcome = 'UNCHANGED'),
                   count(*) filter (where outcome in %1$s and not new_debtor),
                   count(*) filter (where outcome in %1$s and new_debtor),
                   count(*) filter (where outcome = 'JOINED')
            from import_plan""".formatted(ACCEPTED);

    /**
     * The planner's statistics of the tables the merge joins: a tenant's first big import would otherwise be
     * planned as if the tenant had no rows (nested loops over the whole tenant per staged row). Refreshed as the
     * import doubles the rows it created (docs/adr/0010-faster-bulk-import.md).
     */
    static final String REFRESH_STATISTICS = "analyze debtors, cases, claims";

    private ImportMerge() {
    }

    static void setUpSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SESSION_SETUP) {
                statement.execute(ddl);
            }
        }
    }

    /** Merges the staged chunk; @return what its rows came to (the reader's rejections not included) */
    static Outcomes merge(Connection connection, ImportTimings timings) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Outcomes outcomes = null;
            for (Step step : MERGE) {
                if (outcomes == null || step.needed().test(outcomes)) {
                    timings.time(step.name(), () -> statement.execute(step.sql()));
                }
                if (step.name().equals(CLASSIFY)) {
                    outcomes = timings.time("count outcomes", () -> outcomes(statement));
                }
            }
            return outcomes;
        }
    }

    private static Outcomes outcomes(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(OUTCOMES)) {
            row.next();
            return new Outcomes(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                    row.getLong(6), row.getLong(7));
        }
    }
}
