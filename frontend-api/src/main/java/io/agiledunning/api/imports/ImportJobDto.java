package io.agiledunning.api.imports;

import java.time.Instant;
import java.util.UUID;

/** An import job as the cases service returns it (docs/import.md). */
public record ImportJobDto(UUID id, String state, String format, String failure, String createdBy, Instant createdAt,
                           Instant startedAt, Instant finishedAt, Instant updatedAt, Long bytesTotal, long bytesRead,
                           long rowsRead, long rowsValid, long rowsRejected, long claimsCreated, long claimsUpdated,
                           long claimsUnchanged, Double percent, Long etaSeconds) {
}
