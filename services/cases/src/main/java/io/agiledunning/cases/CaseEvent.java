package io.agiledunning.cases;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One step on a case's timeline (table {@code case_events}): its opening and every lifecycle transition,
 * with the event's name, the statuses, the human-readable reason, the event's data and who took the step.
 * Append-only: the application role may not update or delete these rows.
 */
@Entity
@Table(name = "case_events")
public class CaseEvent extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "from_status", updatable = false)
    private String fromStatus;

    @Column(name = "to_status", nullable = false, updatable = false)
    private String toStatus;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "data", nullable = false, updatable = false, columnDefinition = "jsonb")
    private JsonObject data;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected CaseEvent() {
    }

    /**
     * @param from null for the opening entry
     * @param data the event's payload as JSON fields
     */
    public static CaseEvent record(TenantId tenant, UUID caseId, String type, CaseStatus from, CaseStatus to, String reason,
                                   Map<String, Object> data, String actor, Instant now) {
        CaseEvent e = new CaseEvent();
        e.tenantId = tenant.value();
        e.id = UUID.randomUUID();
        e.caseId = Objects.requireNonNull(caseId, "caseId");
        e.type = Objects.requireNonNull(type, "type");
        e.fromStatus = from == null ? null : from.name();
        e.toStatus = to.name();
        e.reason = Objects.requireNonNull(reason, "reason");
        e.data = new JsonObject(data);
        e.actor = Objects.requireNonNull(actor, "actor");
        e.occurredAt = now.truncatedTo(ChronoUnit.MICROS);
        return e;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public String type() {
        return type;
    }

    public String fromStatus() {
        return fromStatus;
    }

    public String toStatus() {
        return toStatus;
    }

    public String reason() {
        return reason;
    }

    /** The event's data as JSON text. */
    public String dataJson() {
        return data == null ? "{}" : data.encode();
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
