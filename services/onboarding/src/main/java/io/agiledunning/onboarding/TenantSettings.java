package io.agiledunning.onboarding;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** How a tenant wants the platform to work for it. Branding, bank details and more follow with onboarding. */
@Entity
@Table(name = "tenant_settings")
public class TenantSettings extends TenantScopedEntity {

    /** The defaults a new tenant starts with (German market). */
    public record Values(String displayName, String locale, String timeZone, String defaultCurrency, int dunningHorizonDays) {
        public static Values defaultsFor(String tenantAlias) {
            return new Values(tenantAlias, "de", "Europe/Berlin", "EUR", 180);
        }
    }

    @Id
    private UUID id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String locale;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "default_currency", nullable = false, length = 3)
    private String defaultCurrency;

    @Column(name = "dunning_horizon_days", nullable = false)
    private int dunningHorizonDays;

    @Version
    private int version;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantSettings() {
    }

    public static TenantSettings create(TenantId tenant) {
        TenantSettings settings = new TenantSettings();
        settings.tenantId = tenant.value();
        settings.id = UUID.randomUUID();
        return settings;
    }

    public void change(Values values, String by, Instant now) {
        this.displayName = values.displayName();
        this.locale = values.locale();
        this.timeZone = values.timeZone();
        this.defaultCurrency = values.defaultCurrency();
        this.dunningHorizonDays = values.dunningHorizonDays();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Values values() {
        return new Values(displayName, locale, timeZone, defaultCurrency, dunningHorizonDays);
    }

    public int version() {
        return version;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
