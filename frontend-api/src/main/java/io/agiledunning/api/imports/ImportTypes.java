package io.agiledunning.api.imports;

import io.agiledunning.api.cases.CaseTypes.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** GraphQL types of bulk imports. */
public final class ImportTypes {

    private ImportTypes() {
    }

    @Type("ImportJob")
    @Description("A bulk placement of claims (upload: POST /api/imports). Counters move with every committed chunk; "
            + "percent and etaSeconds are null when the upload's length was not sent.")
    public record ImportJobNode(@Id @NonNull String id, @NonNull String state, @NonNull String format, String failure,
                                @NonNull Instant createdAt, Instant startedAt, Instant finishedAt, long rowsRead,
                                long rowsValid, long rowsRejected, long claimsCreated, long claimsUpdated,
                                long claimsUnchanged, long bytesRead, Long bytesTotal, Double percent, Long etaSeconds,
                                @NonNull @Description("Where the CSV error report (row, field, reason) is downloaded") String errorReportUrl) {

        static ImportJobNode of(ImportJobDto job) {
            return new ImportJobNode(job.id().toString(), job.state(), job.format(), job.failure(), job.createdAt(),
                    job.startedAt(), job.finishedAt(), job.rowsRead(), job.rowsValid(), job.rowsRejected(),
                    job.claimsCreated(), job.claimsUpdated(), job.claimsUnchanged(), job.bytesRead(), job.bytesTotal(),
                    job.percent(), job.etaSeconds(), "/api/imports/" + job.id() + "/errors");
        }
    }

    @Type("ImportJobEdge")
    public record ImportJobEdge(@NonNull String cursor, @NonNull ImportJobNode node) {
    }

    @Type("ImportJobConnection")
    public record ImportJobConnection(@NonNull List<@NonNull ImportJobEdge> edges, @NonNull PageInfo pageInfo) {
    }
}
