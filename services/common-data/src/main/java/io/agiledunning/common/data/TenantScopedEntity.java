package io.agiledunning.common.data;

import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

import java.util.UUID;

/**
 * Base of every tenant-owned entity. The tenant filter is written once, here; {@link TenantTransactions}
 * enables it for each transaction. PostgreSQL row-level security on the same column is the second line
 * of defence for anything that bypasses Hibernate (native queries, a forgotten filter).
 */
@MappedSuperclass
@FilterDef(name = TenantScopedEntity.TENANT_FILTER, parameters = @ParamDef(name = "tenantId", type = UUID.class))
@Filter(name = TenantScopedEntity.TENANT_FILTER, condition = "tenant_id = :tenantId")
public abstract class TenantScopedEntity {

    public static final String TENANT_FILTER = "tenant";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    protected UUID tenantId;

    protected TenantScopedEntity() {
    }

    protected TenantScopedEntity(TenantId tenantId) {
        this.tenantId = tenantId.value();
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }
}
