package io.agiledunning.cases.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.common.data.KeysetQueries;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.paging.Cursor;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs bulk placements (docs/import.md, docs/adr/0006-bulk-import.md): reads the upload as it arrives, validates
 * each row with the placement API's rules, and per chunk of rows — in one tenant transaction — COPYs the valid
 * rows into a temporary staging table, merges them set-based ({@link ImportMerge}), records the rejected rows
 * and moves the job's counters. A crash loses at most the open chunk's transaction; uploading the file again
 * completes the import, since rows already merged are recognised by their external references (UNCHANGED).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int COPY_BUFFER = 1 << 16;

    private final ImportConfig config;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final ObjectMapper json;

    public ImportService(ImportConfig config, TenantTransactions transactions, Clock clock, ObjectMapper json) {
        this.config = config;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Imports the file, blocking until every row is read; @return the job's id (the job is COMPLETED, or FAILED
     * when the file could not be read on).
     *
     * @param bytesTotal the upload's length when known (progress percent and ETA), else null
     */
    public UUID run(TenantContext caller, ImportFormat format, InputStream body, Long bytesTotal, String correlationId) {
        return run(caller, format, body, bytesTotal, correlationId, new ImportTimings());
    }

    UUID run(TenantContext caller, ImportFormat format, InputStream body, Long bytesTotal, String correlationId,
             ImportTimings timings) {
        UUID jobId = UUID.randomUUID();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            Instant now = clock.instant();
            inTenant(connection, caller.tenantId());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into import_jobs (id, tenant_id, format, state, created_by, created_at, started_at, updated_at, bytes_total)
                    values (?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, jobId);
                insert.setObject(2, caller.tenantId().value());
                insert.setString(3, format.name());
                insert.setString(4, caller.subject());
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setObject(8, bytesTotal);
                insert.executeUpdate();
            }
            ImportMerge.setUpSession(connection);
            connection.commit();
            LOG.infof("Import %s (%s) started", jobId, format);
            new Run(connection, caller, jobId, correlationId != null ? correlationId : jobId.toString(), timings).all(format, body);
            LOG.infof("Import %s times: %s", jobId, timings);
        } catch (SQLException e) {
            throw new IllegalStateException("import " + jobId + " failed in the database", e);
        }
        return jobId;
    }

    /** {@link #run}, then the job as it ended. */
    public ImportJob runAndRead(TenantContext caller, ImportFormat format, InputStream body, Long bytesTotal, String correlationId) {
        UUID jobId = run(caller, format, body, bytesTotal, correlationId);
        return withConnection(caller.tenantId(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("select * from import_jobs where id = ?")) {
                query.setObject(1, jobId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return ImportJob.of(row);
                }
            }
        });
    }

    /** Whether the tenant has this job (another tenant's job is as absent as a nonexistent one). */
    public boolean exists(TenantId tenant, UUID jobId) {
        return withConnection(tenant, connection -> {
            try (PreparedStatement query = connection.prepareStatement("select 1 from import_jobs where id = ?")) {
                query.setObject(1, jobId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** @throws ApiException NOT_FOUND alike for a missing job and another tenant's job */
    public Uni<ImportJob> get(TenantContext caller, UUID jobId) {
        return transactions.inTransaction(caller.tenantId(), session -> session
                        .createSelectionQuery("from ImportJob where id = :id", ImportJob.class)
                        .setParameter("id", jobId)
                        .getSingleResultOrNull())
                .map(job -> {
                    if (job == null) {
                        throw ApiException.notFound("import job", jobId);
                    }
                    return job;
                });
    }

    /** Oldest first. */
    public Uni<Page<ImportJob>> list(TenantContext caller, PageRequest request) {
        return transactions.inTransaction(caller.tenantId(),
                session -> KeysetQueries.page(session, ImportJob.class, request, job -> new Cursor(job.createdAt(), job.id())));
    }

    /**
     * Writes the job's error report as CSV ({@code row,field,reason}, by row), streamed from the database.
     * The caller has checked that the job is the tenant's ({@link #get}); row-level security holds regardless.
     */
    public void writeErrorReport(TenantId tenant, UUID jobId, Writer out) throws IOException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            inTenant(connection, tenant);
            try (PreparedStatement query = connection.prepareStatement(
                    "select row_no, field, reason from import_errors where job_id = ? order by row_no, seq")) {
                query.setFetchSize(1000);
                query.setObject(1, jobId);
                out.write("row,field,reason\r\n");
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.write(rows.getLong(1) + "," + csv(rows.getString(2)) + "," + csv(rows.getString(3)) + "\r\n");
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("error report of import " + jobId + " cannot be read", e);
        }
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private interface JdbcWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** One tenant transaction on a connection of its own. */
    private <T> T withConnection(TenantId tenant, JdbcWork<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            inTenant(connection, tenant);
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("import query failed", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
    }

    /** Binds the transaction to the tenant, as TenantTransactions does for the reactive client. */
    private static void inTenant(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenant.toString());
            bind.execute();
        }
    }

    /** One job's reading, chunk by chunk, on its own connection. */
    private final class Run {

        private final Connection connection;
        private final TenantContext caller;
        private final UUID jobId;
        private final String correlationId;
        private final CopyText copyText = new CopyText();
        private final TimeOrderedIds timeOrderedIds = new TimeOrderedIds(clock);
        private final ImportTimings timings;
        private long rowsRead;
        private long rowsValid;
        private long rowsRejected;
        private long created;
        private long updated;
        private long unchanged;
        private long createdAtLastStatistics = 1;

        Run(Connection connection, TenantContext caller, UUID jobId, String correlationId, ImportTimings timings) {
            this.connection = connection;
            this.timings = timings;
            this.caller = caller;
            this.jobId = jobId;
            this.correlationId = correlationId;
        }

        void all(ImportFormat format, InputStream body) throws SQLException {
            ImportReader reader = null;
            try {
                reader = ImportReader.open(format, body, json);
                ParsedRow first = reader.next();
                while (first != null) {
                    first = chunk(reader, first);
                }
                finish(reader, "COMPLETED", null);
                LOG.infof("Import %s completed: %d rows, %d imported, %d rejected", jobId, rowsRead, rowsValid, rowsRejected);
            } catch (FileRejected e) {
                connection.rollback();
                finish(reader, "FAILED", e.getMessage());
                LOG.infof("Import %s failed after %d rows: %s", jobId, rowsRead, e.getMessage());
            } catch (IOException e) {
                connection.rollback();
                finish(reader, "FAILED", "the upload was interrupted after %d rows: %s".formatted(rowsRead, e.getMessage()));
                LOG.warnf("Import %s interrupted after %d rows: %s", jobId, rowsRead, e.toString());
            } catch (SQLException e) {
                connection.rollback();
                finish(reader, "FAILED", "the database refused the chunk after row %d (SQLState %s); upload the file again"
                        .formatted(rowsRead + 1, e.getSQLState()));
                LOG.errorf(e, "Import %s failed after %d rows", jobId, rowsRead);
            }
        }

        /** Stages and merges one chunk starting with {@code first}; @return the first row of the next chunk */
        private ParsedRow chunk(ImportReader reader, ParsedRow first) throws IOException, SQLException {
            timings.run("begin chunk (clear staging, tenant, lock, context)", () -> {
                try (var statement = connection.createStatement()) {
                    statement.execute(ImportMerge.CLEAR_CHUNK);
                }
                inTenant(connection, caller.tenantId());
                try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "import:" + caller.tenantId()); // one tenant's imports merge one chunk at a time
                    lock.execute();
                }
                context(reader, first.row());
            });
            List<ParsedRow> rejected = new ArrayList<>();
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(ImportMerge.STAGE_ROWS);
            ChunkIds ids = new ChunkIds(timeOrderedIds);
            ParsedRow row = first;
            int rows = 0;
            long reading = 0;
            long staging = System.nanoTime();
            try {
                StringBuilder buffer = new StringBuilder(COPY_BUFFER + 1024);
                while (row != null && rows < config.chunkRows()) {
                    rows++;
                    if (row.isValid()) {
                        PlaceClaim placement = row.placement();
                        buffer.append(copyText.placement(row.row(), placement,
                                ids.duplicateOf(placement.claim().externalReference(), row.row()),
                                ids.debtor(placement.debtor().externalReference())));
                        if (buffer.length() >= COPY_BUFFER) {
                            write(copy, buffer);
                        }
                    } else {
                        rejected.add(row);
                    }
                    long start = System.nanoTime();
                    row = reader.next();
                    reading += System.nanoTime() - start;
                }
                write(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            timings.add("read and validate rows", reading);
            timings.add("format and COPY rows to staging", System.nanoTime() - staging - reading);
            timings.run("COPY rejected rows to staging", () -> stageErrors(rejected));
            count(rows, rejected.size(), ImportMerge.merge(connection, timings));
            timings.run("job progress and commit", () -> {
                progress(reader, "RUNNING", null);
                connection.commit();
            });
            timings.chunkDone();
            refreshStatisticsWhenDoubled();
            return row;
        }

        /** See {@link ImportMerge#REFRESH_STATISTICS}: log₂ of the import's size analyses. */
        private void refreshStatisticsWhenDoubled() throws SQLException {
            if (created < 2 * createdAtLastStatistics) {
                return;
            }
            timings.run("refresh planner statistics (as the import doubles)", () -> {
                try (var statement = connection.createStatement()) {
                    statement.execute(ImportMerge.REFRESH_STATISTICS);
                }
                connection.commit();
            });
            createdAtLastStatistics = created;
        }

        private void write(CopyIn copy, StringBuilder buffer) throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        private void stageErrors(List<ParsedRow> rejected) throws SQLException {
            if (rejected.isEmpty()) {
                return;
            }
            StringBuilder lines = new StringBuilder();
            for (ParsedRow row : rejected) {
                int seq = 1;
                for (RowError error : row.errors()) {
                    lines.append(copyText.error(error, seq++));
                }
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(ImportMerge.STAGE_ERRORS);
            write(copy, lines);
            copy.endCopy();
        }

        private void context(ImportReader reader, long firstRow) throws SQLException {
            Instant now = clock.instant();
            try (PreparedStatement insert = connection.prepareStatement(ImportMerge.CONTEXT)) {
                insert.setString(1, caller.tenantId().toString());
                insert.setString(2, jobId.toString());
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, json.valueToTree(now).asText()); // the envelope's occurredAt, as Outbox.append writes it
                insert.setString(5, caller.subject());
                insert.setString(6, correlationId);
                insert.setLong(7, firstRow);
                insert.setString(8, reader.fieldName(ImportColumn.CLAIM_REFERENCE));
                insert.setString(9, reader.fieldName(ImportColumn.CURRENCY));
                insert.executeUpdate();
            }
        }

        private void count(int rows, int rejectedByReader, ImportMerge.Outcomes outcomes) {
            rowsRead += rows;
            rowsRejected += rejectedByReader + outcomes.rejected();
            created += outcomes.created();
            updated += outcomes.updated();
            unchanged += outcomes.unchanged();
            rowsValid = created + updated + unchanged;
        }

        private void finish(ImportReader reader, String state, String failure) throws SQLException {
            inTenant(connection, caller.tenantId());
            progress(reader, state, failure);
            connection.commit();
        }

        private void progress(ImportReader reader, String state, String failure) throws SQLException {
            Instant now = clock.instant();
            try (PreparedStatement update = connection.prepareStatement("""
                    update import_jobs set state = ?, failure = ?, updated_at = ?, finished_at = ?, bytes_read = ?,
                        rows_read = ?, rows_valid = ?, rows_rejected = ?, claims_created = ?, claims_updated = ?, claims_unchanged = ?
                    where id = ?""")) {
                update.setString(1, state);
                update.setString(2, failure);
                update.setTimestamp(3, Timestamp.from(now));
                update.setTimestamp(4, "RUNNING".equals(state) ? null : Timestamp.from(now));
                update.setLong(5, reader == null ? 0 : reader.bytesRead());
                update.setLong(6, rowsRead);
                update.setLong(7, rowsValid);
                update.setLong(8, rowsRejected);
                update.setLong(9, created);
                update.setLong(10, updated);
                update.setLong(11, unchanged);
                update.setObject(12, jobId);
                update.executeUpdate();
            }
        }
    }
}
