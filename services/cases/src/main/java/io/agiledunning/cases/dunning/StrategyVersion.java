package io.agiledunning.cases.dunning;

import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.StrategyJson;
import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One version of a tenant's strategy (table {@code dunning_strategies}): a DRAFT may change, a PUBLISHED one is
 * immutable (enforced by a trigger too) and is what new cases get, an ARCHIVED one runs on for the cases that
 * started with it but is given to no new case.
 */
@Entity
@Table(name = "dunning_strategies")
public class StrategyVersion extends TenantScopedEntity {

    public enum Status { DRAFT, PUBLISHED, ARCHIVED }

    @Id
    private UUID id;

    @Column(name = "key", nullable = false, updatable = false)
    private String key;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "definition", nullable = false, columnDefinition = "jsonb")
    private JsonObject definition;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    protected StrategyVersion() {
    }

    public static StrategyVersion draft(TenantId tenant, Strategy strategy, int version, String createdBy, Instant now) {
        StrategyVersion v = new StrategyVersion();
        v.tenantId = tenant.value();
        v.id = UUID.randomUUID();
        v.key = strategy.key();
        v.version = version;
        v.status = Status.DRAFT;
        v.definition = new JsonObject(StrategyJson.write(strategy));
        v.createdBy = createdBy;
        v.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return v;
    }

    public void revise(Strategy strategy) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("strategy %s version %d is %s and cannot change".formatted(key, version, status));
        }
        definition = new JsonObject(StrategyJson.write(strategy));
    }

    public void publish(Instant now) {
        status = Status.PUBLISHED;
        publishedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public void archive(Instant now) {
        status = Status.ARCHIVED;
        archivedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public Strategy strategy() {
        return StrategyJson.read(definition.encode());
    }

    public StrategyRef ref() {
        return new StrategyRef(id, key, version);
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public int version() {
        return version;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant archivedAt() {
        return archivedAt;
    }
}
