package io.agiledunning.cases.dunning.service;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Cases in dunning inserted set-based in one tenant transaction (debtor, case, claim, schedule, due row), numbered
 * {@code from..to}: {@code duePermille} of them due a minute before {@code now}, the rest 1–30 days later.
 * {@code mixed}: every 50th disputed, every 37th on an installment plan, and most past their first step (the first
 * letter due); otherwise all in dunning with the friendly reminder due.
 */
final class BulkCases {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private BulkCases() {
    }

    static void insert(Pool pool, UUID tenant, String run, int from, int to, int duePermille, boolean mixed, Instant now) {
        LocalDate today = now.atZone(DunningSimulation.BERLIN).toLocalDate();
        pool.withTransaction(connection -> connection.preparedQuery("select set_config('app.tenant_id', $1, true)")
                .execute(Tuple.of(tenant.toString()))
                .chain(() -> connection.preparedQuery("""
                        with d as (
                            insert into debtors (id, tenant_id, external_reference, kind, name, emails, country, time_zone, german_state,
                                                 created_at, updated_at)
                            select gen_random_uuid(), $1, $2 || '-' || g, case when $8 and g % 7 = 0 then 'BUSINESS' else 'CONSUMER' end,
                                   'Debtor ' || g, array['d' || g || '@example.org'], 'DE', 'Europe/Berlin',
                                   case when $8 then (array['BY','BE','NW','BW','SN','HH'])[1 + g % 6] else 'BE' end, $3, $3
                            from generate_series($4::int, $5::int) g
                            returning id, external_reference),
                        c as (
                            insert into cases (id, tenant_id, external_reference, debtor_name, outstanding_minor, currency, status,
                                               opened_by, created_at, debtor_id, status_changed_at)
                            select gen_random_uuid(), $1, d.external_reference, 'Debtor',
                                   case when $8 then 2000 + (split_part(d.external_reference, '-', 2)::int * 7919) % 200000 else 12000 end,
                                   'EUR', case when $8 and split_part(d.external_reference, '-', 2)::int % 50 = 0 then 'DISPUTED'
                                               when $8 and split_part(d.external_reference, '-', 2)::int % 37 = 0 then 'PLAN_ACTIVE'
                                               else 'IN_DUNNING' end,
                                   'test', $3, d.id, $3
                            from d
                            returning id, debtor_id, external_reference, outstanding_minor, status,
                                      split_part(external_reference, '-', 2)::int as g),
                        cl as (
                            insert into claims (id, tenant_id, debtor_id, case_id, external_reference, invoice_number, issue_date,
                                                due_date, principal_minor, currency, consumer_notice, created_at, updated_at)
                            select gen_random_uuid(), $1, c.debtor_id, c.id, c.external_reference, 'R', $6::date - 60,
                                   $6::date - 30, c.outstanding_minor, 'EUR', true, $3, $3
                            from c
                            returning case_id),
                        s as (
                            insert into dunning_schedules (case_id, tenant_id, strategy_key, strategy_version, started_on, next_step,
                                                           last_contact_on, contacts_sent, observed_status, observed_outstanding_minor,
                                                           updated_at)
                            select c.id, $1, 'german-classic', 1, $6::date - case when past then 14 else 0 end,
                                   case when past then 1 else 0 end, case when past then $6::date - 14 end,
                                   case when past then 1 else 0 end, c.status, c.outstanding_minor, $3
                            from c, lateral (select $8 and c.g % 60 <> 0 as past) p
                            returning case_id)
                        insert into dunning_due (case_id, tenant_id, due_at)
                        select c.id, $1, case when c.g % 1000 < $7 then $3 - interval '1 minute'
                                              else $3 + (1 + c.g % 30) * interval '1 day' end
                        from c""")
                        .execute(Tuple.tuple().addUUID(tenant).addString(run).addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                                .addInteger(from).addInteger(to).addLocalDate(today).addInteger(duePermille).addBoolean(mixed))))
                .await().atMost(TIMEOUT);
    }
}
