package io.agiledunning.cases.settings;

import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tenant's days: "today" of every case command and query (a pause must end after it, a promise not be before
 * it, a statement not be as of a later day, days past due count to it) is the date in the tenant's time zone at the
 * injected clock's instant. A tenant works its cases in its own office hours, so a promise "pay by today" made at
 * 00:30 in Berlin (23:30 UTC) is today's, not yesterday's. Onboarding owns the setting and publishes it with
 * {@code TenantSettingsChanged}; until one arrives the tenant's zone is {@link #DEFAULT_ZONE}.
 */
@ApplicationScoped
public class TenantCalendar {

    /** The platform's home zone (German creditors), for tenants whose time zone has not reached this service. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    private final Clock clock;

    public TenantCalendar(Clock clock) {
        this.clock = clock;
    }

    /** Today in the tenant's zone. Inside the tenant's transaction (row-level security picks its row). */
    public Uni<LocalDate> today(Mutiny.Session session) {
        return dayOf(session, clock.instant());
    }

    /** The tenant's local date of {@code at}. Inside the tenant's transaction. */
    public Uni<LocalDate> dayOf(Mutiny.Session session, Instant at) {
        return zone(session).map(zone -> LocalDate.ofInstant(at, zone));
    }

    /** The tenant's zone. Inside the tenant's transaction. */
    public static Uni<ZoneId> zone(Mutiny.Session session) {
        return session.createNativeQuery("select time_zone from tenant_time_zones", String.class)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(TenantCalendar::parse).orElse(DEFAULT_ZONE));
    }

    /** Keeps the zone of a settings change; an older version arriving late changes nothing. Inside the tenant's transaction. */
    public static Uni<Void> apply(Mutiny.Session session, TenantId tenant, TenantSettingsChanged settings, Instant at) {
        if (settings.timeZone() == null || settings.timeZone().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("""
                        insert into tenant_time_zones (tenant_id, time_zone, settings_version, updated_at)
                        values (:tenant, :zone, :version, :at)
                        on conflict (tenant_id) do update set time_zone = excluded.time_zone,
                            settings_version = excluded.settings_version, updated_at = excluded.updated_at
                        where tenant_time_zones.settings_version < excluded.settings_version""")
                .setParameter("tenant", tenant.value())
                .setParameter("zone", settings.timeZone().strip())
                .setParameter("version", settings.version())
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Onboarding validates the zone; one this JDK does not know (an older tz database) falls back to the default. */
    private static ZoneId parse(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
