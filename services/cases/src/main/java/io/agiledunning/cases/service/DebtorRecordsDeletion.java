package io.agiledunning.cases.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.events.DebtorRecordsDeleted;
import io.agiledunning.common.tenancy.TenantId;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The end of an erased debtor's retention (docs/cases.md, "Data protection"): once {@code retained_until} has passed,
 * everything erasure kept pseudonymized — cases, claims, payments and their allocations, contacts, handover packages
 * and deliveries, timelines, schedules — is deleted by the owner-defined {@code delete_debtor_records} (V19).
 * <p>
 * The pseudonymized debtor row stays as a tombstone rather than being deleted: it holds no personal data, it says when
 * the records were deleted ({@code records_deleted_at}; the rows per table are in {@code debtor_record_deletions}) and
 * makes that happen once, and its id, which other services and published events name, keeps answering with that
 * record instead of a NOT_FOUND that could not be told apart from a debtor that never existed.
 * <p>
 * Runs daily beside the tenant erasure job ({@code TenantRetention}), in the same way: each debtor in its own
 * transaction, which first records the deletion on the debtor row. A second replica running at the same time waits for
 * that row, then finds the deletion recorded and changes nothing, so the records are deleted and
 * {@link DebtorRecordsDeleted} published exactly once.
 */
@ApplicationScoped
public class DebtorRecordsDeletion {

    private static final Logger LOG = Logger.getLogger(DebtorRecordsDeletion.class);
    private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final TenantTransactions transactions;
    private final Pool pool;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public DebtorRecordsDeletion(TenantTransactions transactions, Pool pool, Outbox outbox, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.pool = pool;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Puts an erased debtor whose records are kept until {@code retainedUntil} (null: none are) on the daily job's list. */
    static Uni<Void> schedule(Mutiny.Session session, TenantId tenant, UUID debtorId, LocalDate retainedUntil) {
        if (retainedUntil == null) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        insert into debtor_retention_due (debtor_id, tenant_id, retained_until) values (:debtorId, :tenant, :until)""")
                .setParameter("debtorId", debtorId)
                .setParameter("tenant", tenant.value())
                .setParameter("until", retainedUntil)
                .executeUpdate()
                .replaceWithVoid();
    }

    @Scheduled(cron = "${agiledunning.debtor-records.deletion-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteDaily() {
        return deleteDue(LocalDate.now(clock)).replaceWithVoid();
    }

    /** Deletes the records of every erased debtor whose {@code retained_until} is before {@code today}. */
    public Uni<List<DebtorRecordsDeleted>> deleteDue(LocalDate today) {
        return pool.preparedQuery("select debtor_id, tenant_id from debtor_retention_due where retained_until < $1 order by retained_until")
                .execute(Tuple.of(today))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate((Row row) -> deleteOrLog(new TenantId(row.getUUID("tenant_id")),
                        row.getUUID("debtor_id"), today))
                .filter(Optional::isPresent).map(Optional::get)
                .collect().asList();
    }

    /** One debtor's failure (logged, tried again tomorrow) does not keep the debtors after it from being deleted. */
    private Uni<Optional<DebtorRecordsDeleted>> deleteOrLog(TenantId tenant, UUID debtorId, LocalDate today) {
        return delete(tenant, debtorId, today).onFailure().recoverWithItem(failure -> {
            LOG.errorf("Records of erased debtor %s (tenant %s) not deleted, tried again tomorrow: %s", debtorId, tenant.value(),
                    failure.getMessage());
            return Optional.empty();
        });
    }

    private Uni<Optional<DebtorRecordsDeleted>> delete(TenantId tenant, UUID debtorId, LocalDate today) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return transactions.inTransaction(tenant, session -> session.createNativeQuery("""
                                update debtors set records_deleted_at = :now, updated_at = :now
                                where id = :debtorId and erased_at is not null and retained_until < :today and records_deleted_at is null
                                returning retained_until""", LocalDate.class)
                        .setParameter("now", now).setParameter("debtorId", debtorId).setParameter("today", today)
                        .getResultList()
                        .chain(claimed -> claimed.isEmpty()
                                ? Uni.createFrom().item(Optional.<DebtorRecordsDeleted>empty())
                                : deleteRecords(session, tenant, debtorId, claimed.getFirst(), now).map(Optional::of)))
                .invoke(deleted -> deleted.ifPresent(event -> LOG.infof("Tenant %s: deleted the records of erased debtor %s "
                        + "(retained until %s): %s", tenant.value(), debtorId, event.retainedUntil(), event.rowsDeleted())));
    }

    private Uni<DebtorRecordsDeleted> deleteRecords(Mutiny.Session session, TenantId tenant, UUID debtorId, LocalDate retainedUntil,
                                                    OffsetDateTime now) {
        return session.createNativeQuery("select id from cases where debtor_id = :debtorId order by created_at, id", UUID.class)
                .setParameter("debtorId", debtorId).getResultList()
                .chain(caseIds -> session.createNativeQuery("select cast(delete_debtor_records(:debtorId) as text)", String.class)
                        .setParameter("debtorId", debtorId).getSingleResult()
                        .chain(counts -> session.createNativeQuery("""
                                        insert into debtor_record_deletions (tenant_id, debtor_id, retained_until, deleted_at, rows_deleted)
                                        values (:tenant, :debtorId, :until, :now, cast(cast(:counts as text) as jsonb))""")
                                .setParameter("tenant", tenant.value()).setParameter("debtorId", debtorId)
                                .setParameter("until", retainedUntil).setParameter("now", now).setParameter("counts", counts)
                                .executeUpdate()
                                .replaceWith(new DebtorRecordsDeleted(debtorId, retainedUntil, List.copyOf(caseIds), counts(counts)))))
                .call(event -> outbox.append(session, tenant, debtorId, event, null));
    }

    private Map<String, Long> counts(String counts) {
        try {
            return json.readValue(counts, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delete_debtor_records answered no counts: " + counts, e);
        }
    }
}
