package io.agiledunning.cases.imports;

import io.agiledunning.common.data.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An import job as kept in {@code import_jobs}. Written only by {@link ImportService} (over JDBC, chunk by
 * chunk, in the transaction of the chunk it counts); read here.
 */
@Entity
@Table(name = "import_jobs")
public class ImportJob extends TenantScopedEntity {

    /** A running job whose counters have not moved for this long lost its process (a crash or a restart). */
    public static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false)
    private ImportFormat format;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ImportJobState state;

    @Column(name = "failure")
    private String failure;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "bytes_total")
    private Long bytesTotal;

    @Column(name = "bytes_read", nullable = false)
    private long bytesRead;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_valid", nullable = false)
    private long rowsValid;

    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;

    @Column(name = "claims_created", nullable = false)
    private long claimsCreated;

    @Column(name = "claims_updated", nullable = false)
    private long claimsUpdated;

    @Column(name = "claims_unchanged", nullable = false)
    private long claimsUnchanged;

    protected ImportJob() {
    }

    /** The job as a JDBC query of all its columns ({@code select * from import_jobs}) returns it. */
    static ImportJob of(ResultSet row) throws SQLException {
        ImportJob job = new ImportJob();
        job.tenantId = row.getObject("tenant_id", UUID.class);
        job.id = row.getObject("id", UUID.class);
        job.format = ImportFormat.valueOf(row.getString("format"));
        job.state = ImportJobState.valueOf(row.getString("state"));
        job.failure = row.getString("failure");
        job.createdBy = row.getString("created_by");
        job.createdAt = instant(row, "created_at");
        job.startedAt = instant(row, "started_at");
        job.finishedAt = instant(row, "finished_at");
        job.updatedAt = instant(row, "updated_at");
        job.bytesTotal = row.getObject("bytes_total", Long.class);
        job.bytesRead = row.getLong("bytes_read");
        job.rowsRead = row.getLong("rows_read");
        job.rowsValid = row.getLong("rows_valid");
        job.rowsRejected = row.getLong("rows_rejected");
        job.claimsCreated = row.getLong("claims_created");
        job.claimsUpdated = row.getLong("claims_updated");
        job.claimsUnchanged = row.getLong("claims_unchanged");
        return job;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public UUID id() {
        return id;
    }

    public ImportFormat format() {
        return format;
    }

    /** A running job without progress for {@link #STALE_AFTER} is reported FAILED: its process is gone. */
    public ImportJobState state(Instant now) {
        return stale(now) ? ImportJobState.FAILED : state;
    }

    public String failure(Instant now) {
        return stale(now) ? "interrupted: no progress since %s (the service stopped); upload the file again, rows imported before are not duplicated"
                .formatted(updatedAt) : failure;
    }

    private boolean stale(Instant now) {
        return (state == ImportJobState.RUNNING || state == ImportJobState.QUEUED) && updatedAt.plus(STALE_AFTER).isBefore(now);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Long bytesTotal() {
        return bytesTotal;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsValid() {
        return rowsValid;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    public long claimsCreated() {
        return claimsCreated;
    }

    public long claimsUpdated() {
        return claimsUpdated;
    }

    public long claimsUnchanged() {
        return claimsUnchanged;
    }
}
