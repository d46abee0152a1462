package io.agiledunning.common.data.tenantdata;

import io.agiledunning.common.data.MigrationConfig;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole of one tenant's rows in this service's schema, over a plain JDBC connection of the schema owner (export
 * and erasure move more rows than a reactive session should hold). Which tables those are is read from the catalog,
 * not listed: every tenant table carries {@code tenant_id} (ARCHITECTURE.md), so a table added later is exported and
 * erased without anyone remembering to. Row-level security is forced on the owner too, so each connection is bound
 * to the one tenant as well as every statement naming it.
 */
@ApplicationScoped
public class TenantDatabase {

    /** Bookkeeping of the offboarding itself: no personal data, kept. */
    static final Set<String> BOOKKEEPING = Set.of("tenant_retention", "tenant_erasures");

    private final MigrationConfig config;

    public TenantDatabase(MigrationConfig config) {
        this.config = config;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
    }

    /**
     * A connection in an open transaction whose row-level security lets only this tenant's rows through; one snapshot
     * for all its statements (the tenant's processing is restricted, nothing else writes its rows meanwhile).
     */
    public Connection connectAs(TenantId tenant) throws SQLException {
        Connection connection = connect();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenant.toString());
                bind.execute();
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public List<String> tenantTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.table_name
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.column_name = 'tenant_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                order by c.table_name""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (!BOOKKEEPING.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /** A catalog name as an SQL identifier. */
    static String quoted(String table) {
        return '"' + table.replace("\"", "\"\"") + '"';
    }
}
