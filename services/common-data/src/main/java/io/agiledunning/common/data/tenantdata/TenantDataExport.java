package io.agiledunning.common.data.tenantdata;

import io.agiledunning.common.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes every row of one tenant in this service as JSON Lines, {@code {"table": "...", "row": {...}}}, streamed by
 * {@code COPY ... TO STDOUT} in constant memory, all tables from one snapshot. The CSV format with quote and
 * delimiter characters that JSON never contains unescaped passes each document through byte for byte.
 */
@ApplicationScoped
public class TenantDataExport {

    private final TenantDatabase database;

    public TenantDataExport(TenantDatabase database) {
        this.database = database;
    }

    /** @return the number of rows written */
    public long write(TenantId tenant, OutputStream out) throws SQLException, IOException {
        try (Connection connection = database.connectAs(tenant)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (String table : database.tenantTables(connection)) {
                rows += copy.copyOut("""
                        copy (select jsonb_build_object('table', '%s', 'row', to_jsonb(t)) from %s t where tenant_id = '%s')
                        to stdout (format csv, quote e'\\x01', delimiter e'\\x02')"""
                        .formatted(table.replace("'", "''"), TenantDatabase.quoted(table), tenant.value()), out);
            }
            connection.commit();
            return rows;
        }
    }
}
