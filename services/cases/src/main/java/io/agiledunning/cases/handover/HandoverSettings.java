package io.agiledunning.cases.handover;

import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the cases service knows of a tenant's settings for handovers: who the creditor is (its name and imprint, for
 * the package) and where packages go. Onboarding owns the settings; each {@code TenantSettingsChanged} brings them
 * here, and an older version arriving late changes nothing.
 */
public record HandoverSettings(String creditorName, String creditorImprint, String agencyName, String channel, String webhookUrl) {

    public static final String DOWNLOAD = "DOWNLOAD";
    public static final String DROP_FOLDER = "DROP_FOLDER";
    public static final String WEBHOOK = "WEBHOOK";

    /** A tenant that never changed its settings hands over by download only. */
    static final HandoverSettings DEFAULT = new HandoverSettings(null, null, null, DOWNLOAD, null);

    public boolean delivered() {
        return DROP_FOLDER.equals(channel) || WEBHOOK.equals(channel);
    }

    /** Inside the tenant's transaction. */
    public static Uni<Void> apply(Mutiny.Session session, TenantId tenant, TenantSettingsChanged settings, Instant at) {
        String channel = settings.agencyChannel() == null ? DOWNLOAD : settings.agencyChannel();
        return session.createNativeQuery("""
                        insert into tenant_handover_settings (tenant_id, creditor_name, creditor_imprint, agency_name, channel,
                                                              webhook_url, settings_version, updated_at)
                        values (:tenant, :name, :imprint, :agency, :channel, :webhook, :version, :at)
                        on conflict (tenant_id) do update set creditor_name = excluded.creditor_name,
                            creditor_imprint = excluded.creditor_imprint, agency_name = excluded.agency_name,
                            channel = excluded.channel, webhook_url = excluded.webhook_url,
                            settings_version = excluded.settings_version, updated_at = excluded.updated_at
                        where tenant_handover_settings.settings_version < excluded.settings_version""")
                .setParameter("tenant", tenant.value())
                .setParameter("name", settings.displayName())
                .setParameter("imprint", settings.legalFooter())
                .setParameter("agency", settings.agencyName())
                .setParameter("channel", channel)
                .setParameter("webhook", settings.agencyWebhookUrl())
                .setParameter("version", settings.version())
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Inside the tenant's transaction (row-level security picks its row). */
    static Uni<HandoverSettings> of(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select creditor_name, creditor_imprint, agency_name, channel, webhook_url from tenant_handover_settings""",
                        Object[].class)
                .getResultList()
                .map(rows -> rows.stream().findFirst()
                        .map(row -> new HandoverSettings((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4]))
                        .orElse(DEFAULT));
    }
}
