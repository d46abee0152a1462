package io.agiledunning.onboarding;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One field of one settings change: who changed it from what to what, when (append-only audit trail). */
@Entity
@Table(name = "tenant_settings_changes")
public class TenantSettingsChange extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected TenantSettingsChange() {
    }

    public TenantSettingsChange(TenantId tenant, int version, String field, String oldValue, String newValue, String changedBy, Instant changedAt) {
        super(tenant);
        this.id = UUID.randomUUID();
        this.version = version;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public int version() {
        return version;
    }

    public String field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
