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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The platform-wide due index ({@code dunning_due}, docs/adr/0008-dunning-engine.md): ids and instants only. A
 * replica claims due rows with {@code FOR UPDATE SKIP LOCKED} and a lease in one short transaction; it then works
 * each case in a transaction bound to the case's tenant, which first re-checks the lease (a fence: a replica
 * whose lease expired and was taken over changes nothing) and finally moves the row to the next due instant.
 */
@ApplicationScoped
public class DueIndex {

    /**
     * $1 now, $2 limit, $3 owner, $4 lease until. Only due rows are read (index {@code dunning_due_due_at}): the cases
     * not due today cost the run nothing.
     */
    static final String CLAIM = """
                        with due as (
                            select case_id from dunning_due
                            where due_at <= $1 and (lease_until is null or lease_until <= $1)
                              and not exists (select 1 from tenant_dunning_holds h where h.tenant_id = dunning_due.tenant_id)
                            order by due_at
                            limit $2
                            for update skip locked)
                        update dunning_due d set lease_owner = $3, lease_until = $4, claims = d.claims + 1
                        from due where d.case_id = due.case_id
                        returning d.case_id, d.tenant_id, d.due_at""";

    private final Pool pool;

    public DueIndex(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due cases not leased by a live replica, oldest due first. Cases of a tenant whose
     * dunning is on hold ({@code tenant_dunning_holds}, a suspended tenant) are not claimed: they stay due.
     */
    public Uni<List<DueCase>> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
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
     * Holds the rows of {@code caseIds} for this transaction whose lease {@code owner} still holds; the others expired
     * or were taken over by another replica, and nothing may be done for them.
     *
     * @return the held case ids, in the order given
     */
    public Uni<List<UUID>> fence(Mutiny.Session session, List<UUID> caseIds, String owner, Instant now) {
        Placeholders ids = Placeholders.of("c", caseIds.size());
        var query = session.createNativeQuery("""
                        update dunning_due set lease_until = lease_until
                        where case_id in (%s) and lease_owner = :owner and lease_until > :now
                        returning case_id""".formatted(ids.list()), UUID.class)
                .setParameter("owner", owner)
                .setParameter("now", utc(now));
        ids.bind(query, caseIds);
        return query.getResultList().map(held -> {
            Set<UUID> kept = Set.copyOf(held);
            return caseIds.stream().filter(kept::contains).toList();
        });
    }

    /**
     * Next due instants after decisions, leases released, in one statement each for the moved and the removed cases;
     * a null instant removes the case (it has ended).
     */
    public Uni<Void> reschedule(Mutiny.Session session, Map<UUID, Instant> next) {
        List<UUID> moved = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();
        next.forEach((caseId, at) -> (at == null ? removed : moved).add(caseId));
        Uni<Void> move = Uni.createFrom().voidItem();
        if (!moved.isEmpty()) {
            Placeholders ids = Placeholders.of("c", moved.size());
            Placeholders at = Placeholders.of("n", moved.size());
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < moved.size(); i++) {
                rows.append(i == 0 ? "" : ", ").append("(cast(%s as uuid), cast(%s as timestamptz))".formatted(ids.at(i), at.at(i)));
            }
            var query = session.createNativeQuery("""
                    update dunning_due d set due_at = v.next, lease_owner = null, lease_until = null
                    from (values %s) v(case_id, next) where d.case_id = v.case_id""".formatted(rows));
            ids.bind(query, moved);
            at.bind(query, moved.stream().map(id -> utc(next.get(id))).toList());
            move = query.executeUpdate().replaceWithVoid();
        }
        if (removed.isEmpty()) {
            return move;
        }
        Placeholders ids = Placeholders.of("r", removed.size());
        var delete = session.createNativeQuery("delete from dunning_due where case_id in (%s)".formatted(ids.list()));
        ids.bind(delete, removed);
        return move.chain(() -> delete.executeUpdate()).replaceWithVoid();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
