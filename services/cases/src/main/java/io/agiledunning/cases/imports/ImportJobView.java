package io.agiledunning.cases.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An import job with its progress: rows read, imported ({@code rowsValid}: created + updated + unchanged) and
 * rejected; {@code percent} of the upload's bytes read and the {@code etaSeconds} at the rate so far (both null
 * when the upload's length was not sent).
 */
public record ImportJobView(UUID id, ImportJobState state, ImportFormat format, String failure, String createdBy,
                            Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt, Long bytesTotal,
                            long bytesRead, long rowsRead, long rowsValid, long rowsRejected, long claimsCreated,
                            long claimsUpdated, long claimsUnchanged, Double percent, Long etaSeconds) {

    public static ImportJobView of(ImportJob job, Instant now) {
        ImportJobState state = job.state(now);
        Double percent = null;
        Long eta = null;
        if (state == ImportJobState.COMPLETED) {
            percent = 100.0;
            eta = 0L;
        } else if (job.bytesTotal() != null && job.bytesTotal() > 0) {
            percent = Math.min(100.0, Math.floor(1000.0 * job.bytesRead() / job.bytesTotal()) / 10);
            if (state == ImportJobState.RUNNING && job.bytesRead() > 0 && job.startedAt() != null) {
                double elapsed = Duration.between(job.startedAt(), now).toMillis() / 1000.0;
                eta = Math.round(elapsed * (job.bytesTotal() - job.bytesRead()) / job.bytesRead());
            }
        }
        return new ImportJobView(job.id(), state, job.format(), job.failure(now), job.createdBy(), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.updatedAt(), job.bytesTotal(), job.bytesRead(), job.rowsRead(),
                job.rowsValid(), job.rowsRejected(), job.claimsCreated(), job.claimsUpdated(), job.claimsUnchanged(),
                percent, eta);
    }
}
