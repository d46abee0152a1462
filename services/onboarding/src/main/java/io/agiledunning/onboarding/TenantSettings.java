package io.agiledunning.onboarding;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a tenant wants the platform to work for it: name, language, time zone, currency, dunning horizon, branding,
 * sender identity, legal footer, bank account for transfers, German state (public holidays) and collection agency.
 * Every change is versioned and recorded field by field ({@link TenantSettingsChange}).
 */
@Entity
@Table(name = "tenant_settings")
public class TenantSettings extends TenantScopedEntity {

    /** The settings' values; the optional ones are null when not set. */
    public record Values(String displayName, String locale, String timeZone, String defaultCurrency, int dunningHorizonDays,
                         String logoUrl, String primaryColour, String accentColour, String senderName, String replyTo,
                         String legalFooter, String iban, String bic, String germanState, String agencyName, String agencyChannel,
                         String agencyWebhookUrl) {

        /** The defaults a new tenant starts with (German market). */
        public static Values defaultsFor(String tenantAlias) {
            return new Values(tenantAlias, "de", "Europe/Berlin", "EUR", 180, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }

        /** These values under another name and language (a sign-up's defaults). */
        public Values named(String newDisplayName, String newLocale) {
            return new Values(newDisplayName, newLocale, timeZone, defaultCurrency, dunningHorizonDays, logoUrl, primaryColour, accentColour,
                    senderName, replyTo, legalFooter, iban, bic, germanState, agencyName, agencyChannel, agencyWebhookUrl);
        }

        /** Field name to value (as text, null when not set), in the API's order: what the audit trail compares. */
        public Map<String, String> byField() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("displayName", displayName);
            fields.put("locale", locale);
            fields.put("timeZone", timeZone);
            fields.put("defaultCurrency", defaultCurrency);
            fields.put("dunningHorizonDays", String.valueOf(dunningHorizonDays));
            fields.put("logoUrl", logoUrl);
            fields.put("primaryColour", primaryColour);
            fields.put("accentColour", accentColour);
            fields.put("senderName", senderName);
            fields.put("replyTo", replyTo);
            fields.put("legalFooter", legalFooter);
            fields.put("iban", iban);
            fields.put("bic", bic);
            fields.put("germanState", germanState);
            fields.put("agencyName", agencyName);
            fields.put("agencyChannel", agencyChannel);
            fields.put("agencyWebhookUrl", agencyWebhookUrl);
            return fields;
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

    @Column(name = "logo_url")
    private String logoUrl;

    @Column(name = "primary_colour")
    private String primaryColour;

    @Column(name = "accent_colour")
    private String accentColour;

    @Column(name = "sender_name")
    private String senderName;

    @Column(name = "reply_to")
    private String replyTo;

    @Column(name = "legal_footer")
    private String legalFooter;

    private String iban;

    private String bic;

    @Column(name = "german_state")
    private String germanState;

    @Column(name = "agency_name")
    private String agencyName;

    @Column(name = "agency_channel")
    private String agencyChannel;

    @Column(name = "agency_webhook_url")
    private String agencyWebhookUrl;

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
        this.logoUrl = values.logoUrl();
        this.primaryColour = values.primaryColour();
        this.accentColour = values.accentColour();
        this.senderName = values.senderName();
        this.replyTo = values.replyTo();
        this.legalFooter = values.legalFooter();
        this.iban = values.iban();
        this.bic = values.bic();
        this.germanState = values.germanState();
        this.agencyName = values.agencyName();
        this.agencyChannel = values.agencyChannel();
        this.agencyWebhookUrl = values.agencyWebhookUrl();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Values values() {
        return new Values(displayName, locale, timeZone, defaultCurrency, dunningHorizonDays, logoUrl, primaryColour, accentColour,
                senderName, replyTo, legalFooter, iban, bic, germanState, agencyName, agencyChannel, agencyWebhookUrl);
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
