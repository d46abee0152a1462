package io.agiledunning.cases.dunning.service;

import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The platform-wide due index ({@code dunning_due}, docs/adr/0008-dunning-engine.md): ids and instants only. A
 * replica claims due rows with {@code FOR UPDATE SKIP LOCKED} and a lease in one short transaction; it then works
 * each case in a transaction bound to the case's tenant, which first re-checks the lease (a fence: a replica
 * whose lease expired and was taken over changes nothing) and finally moves the row to the next due instant.
 */
@ApplicationScoped
public class DueIndex {

    private final Pool pool;

    public DueIndex(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due cases not leased by a live replica, oldest due first. Cases of a tenant whose
     * dunning is on hold ({@code tenant_dunning_holds}, a suspended tenant) are not claimed: they stay due.
     */
    public Uni<List<DueCase>> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        with due as (
                            select case_id from dunning_due
                            where due_at <= $1 and (lease_until is null or lease_until <= $1)
                              and not exists (select 1 from tenant_dunning_holds h where h.tenant_id = dunning_due.tenant_id)
                            order by due_at
                            limit $2
                            for update skip locked)
                        update dunning_due d set lease_owner = $3, lease_until = $4, claims = d.claims + 1
                        from due where d.case_id = due.case_id
                        returning d.case_id, d.tenant_id, d.due_at""")
                .execute(Tuple.of(utc(now), limit, owner, utc(leaseUntil)))
                .map(rows -> {
                    List<DueCase> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new DueCase(row.getUUID("case_id"), new TenantId(row.getUUID("tenant_id")),
                                row.getOffsetDateTime("due_at").toInstant()));
                    }
                    return claimed;
                }));
    }

    /** Puts a case on the index (due at {@code dueAt}), or moves it there if it is on it already and not leased. */
    public Uni<Void> enroll(Mutiny.Session session, TenantId tenant, UUID caseId, Instant dueAt) {
        return session.createNativeQuery("""
                        insert into dunning_due (case_id, tenant_id, due_at) values (:caseId, :tenant, :dueAt)
                        on conflict (case_id) do update set due_at = least(dunning_due.due_at, excluded.due_at)""")
                .setParameter("caseId", caseId)
                .setParameter("tenant", tenant.value())
                .setParameter("dueAt", utc(dueAt))
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Holds the row for this transaction if {@code owner}'s lease is still valid; false if it expired or another
     * replica took the case over (then nothing may be done for it).
     */
    public Uni<Boolean> fence(Mutiny.Session session, UUID caseId, String owner, Instant now) {
        return session.createNativeQuery("""
                        update dunning_due set lease_until = lease_until
                        where case_id = :caseId and lease_owner = :owner and lease_until > :now""")
                .setParameter("caseId", caseId)
                .setParameter("owner", owner)
                .setParameter("now", utc(now))
                .executeUpdate()
                .map(updated -> updated == 1);
    }

    /** Next due instant after a decision, lease released; null removes the case (it has ended). */
    public Uni<Void> reschedule(Mutiny.Session session, UUID caseId, Instant next) {
        if (next == null) {
            return session.createNativeQuery("delete from dunning_due where case_id = :caseId")
                    .setParameter("caseId", caseId).executeUpdate().replaceWithVoid();
        }
        return session.createNativeQuery("""
                        update dunning_due set due_at = :next, lease_owner = null, lease_until = null where case_id = :caseId""")
                .setParameter("caseId", caseId)
                .setParameter("next", utc(next))
                .executeUpdate()
                .replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
