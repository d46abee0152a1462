package io.agiledunning.common.data.tenantdata;

import io.agiledunning.common.retention.RetentionClass;
import io.agiledunning.common.retention.RetentionSchedule;
import io.agiledunning.common.retention.TableRetention;
import io.agiledunning.common.tenancy.TenantId;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An offboarded tenant's data in this service: kept with processing restricted while the law makes the creditor keep
 * it, erased table by table once its {@link RetentionClass} allows (docs/offboarding.md). The erasure runs daily and
 * is safe to repeat: each table of a tenant is erased once, in its own transaction, and recorded in
 * {@code tenant_erasures}.
 */
@ApplicationScoped
public class TenantRetention {

    private static final Logger LOG = Logger.getLogger(TenantRetention.class);
    /** Daily, at night: the default of {@code agiledunning.retention.erasure-cron}. */
    static final String ERASURE_CRON = "0 30 2 * * ?";

    private final TenantDatabase database;
    private final RetentionConfig config;
    private final Clock clock;

    public TenantRetention(TenantDatabase database, RetentionConfig config, Clock clock) {
        this.database = database;
        this.config = config;
        this.clock = clock;
    }

    /** Records the offboarding; a repeat keeps the first day. */
    public RetentionSchedule record(TenantId tenant, LocalDate offboardedOn) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into tenant_retention (tenant_id, offboarded_on) values (?, ?) on conflict (tenant_id) do nothing")) {
            insert.setObject(1, tenant.value());
            insert.setDate(2, Date.valueOf(offboardedOn));
            insert.executeUpdate();
        }
        return schedule(tenant).orElseThrow();
    }

    /** Empty while the tenant was not offboarded. */
    public Optional<RetentionSchedule> schedule(TenantId tenant) throws SQLException {
        try (Connection connection = database.connectAs(tenant)) {
            Optional<LocalDate> offboardedOn = offboardedOn(connection, tenant);
            if (offboardedOn.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Erased> erased = erasures(connection, tenant);
            Set<String> tables = new TreeSet<>(database.tenantTables(connection));
            tables.addAll(erased.keySet());
            List<TableRetention> retention = new ArrayList<>();
            for (String table : tables) {
                Erased gone = erased.get(table);
                RetentionClass kept = gone != null ? gone.retentionClass() : config.classOf(table);
                LocalDate erasableFrom = kept.erasableFrom(offboardedOn.get(), config.exportGraceDays());
                retention.add(gone != null
                        ? new TableRetention(table, kept, erasableFrom, gone.at(), gone.rows())
                        : new TableRetention(table, kept, erasableFrom, null, null));
            }
            return Optional.of(new RetentionSchedule(tenant.value(), offboardedOn.get(), List.copyOf(retention)));
        }
    }

    @Scheduled(cron = "${agiledunning.retention.erasure-cron:" + ERASURE_CRON + "}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void eraseDaily() throws SQLException {
        eraseDue(LocalDate.now(clock));
    }

    /** Erases every table of every offboarded tenant whose retention has ended by {@code today}. */
    public List<TableRetention> eraseDue(LocalDate today) throws SQLException {
        List<TableRetention> erased = new ArrayList<>();
        for (TenantId tenant : offboardedTenants()) {
            for (TableRetention table : schedule(tenant).orElseThrow().tables()) {
                if (table.erasedAt() == null && !table.erasableFrom().isAfter(today)) {
                    erased.add(erase(tenant, table));
                }
            }
        }
        return erased;
    }

    private TableRetention erase(TenantId tenant, TableRetention table) throws SQLException {
        try (Connection connection = database.connectAs(tenant)) {
            long rows;
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from %s where tenant_id = ?".formatted(TenantDatabase.quoted(table.table())))) {
                delete.setObject(1, tenant.value());
                rows = delete.executeLargeUpdate();
            }
            var erasedAt = clock.instant();
            try (PreparedStatement record = connection.prepareStatement("""
                    insert into tenant_erasures (tenant_id, table_name, retention_class, erased_at, rows_erased)
                    values (?, ?, ?, ?, ?)""")) {
                record.setObject(1, tenant.value());
                record.setString(2, table.table());
                record.setString(3, table.retentionClass().name());
                record.setTimestamp(4, Timestamp.from(erasedAt));
                record.setLong(5, rows);
                record.executeUpdate();
            }
            connection.commit();
            LOG.infof("Tenant %s: erased %d rows of %s (%s retention ended %s)", tenant.value(), rows, table.table(),
                    table.retentionClass(), table.erasableFrom());
            return new TableRetention(table.table(), table.retentionClass(), table.erasableFrom(), erasedAt, rows);
        }
    }

    private List<TenantId> offboardedTenants() throws SQLException {
        List<TenantId> tenants = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select tenant_id from tenant_retention order by offboarded_on");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tenants.add(new TenantId(rows.getObject(1, UUID.class)));
            }
        }
        return tenants;
    }

    private static Optional<LocalDate> offboardedOn(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select offboarded_on from tenant_retention where tenant_id = ?")) {
            query.setObject(1, tenant.value());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getDate(1).toLocalDate()) : Optional.empty();
            }
        }
    }

    private record Erased(RetentionClass retentionClass, Instant at, long rows) {
    }

    private static Map<String, Erased> erasures(Connection connection, TenantId tenant) throws SQLException {
        Map<String, Erased> erased = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select table_name, retention_class, erased_at, rows_erased from tenant_erasures where tenant_id = ?")) {
            query.setObject(1, tenant.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    erased.put(rows.getString(1), new Erased(RetentionClass.valueOf(rows.getString(2)),
                            rows.getTimestamp(3).toInstant(), rows.getLong(4)));
                }
            }
        }
        return erased;
    }
}
