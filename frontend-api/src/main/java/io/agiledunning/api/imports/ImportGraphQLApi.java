package io.agiledunning.api.imports;

import io.agiledunning.api.cases.CaseTypes.PageInfo;
import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.imports.ImportTypes.ImportJobConnection;
import io.agiledunning.api.imports.ImportTypes.ImportJobEdge;
import io.agiledunning.api.imports.ImportTypes.ImportJobNode;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.paging.Cursor;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import static io.agiledunning.api.security.Caller.READERS;


/** Progress of bulk imports, for polling. The upload itself is REST: {@link ImportUploadResource}. */
@GraphQLApi
public class ImportGraphQLApi {

    private final ImportsGateway imports;
    private final Caller caller;

    public ImportGraphQLApi(ImportsGateway imports, Caller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @Query("importJob")
    @Description("One import job of your tenant with its progress. Another tenant's job is NOT_FOUND, like a nonexistent one.")
    public Uni<ImportJobNode> importJob(@Name("id") @Id @NonNull String id) {
        return caller.withAnyRole(() -> GraphQLIds.parse(id, "import job").chain(imports::get).map(ImportJobNode::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("importJobs")
    @Description("Your tenant's import jobs, oldest first (Relay connection); a running job shows its progress.")
    public Uni<@NonNull ImportJobConnection> importJobs(@Name("first") @DefaultValue("20") int first, @Name("after") String after) {
        return caller.withAnyRole(() -> imports.list(first, after).map(page -> new ImportJobConnection(
                        page.items().stream()
                                .map(job -> new ImportJobEdge(new Cursor(job.createdAt(), job.id()).encode(), ImportJobNode.of(job)))
                                .toList(),
                        new PageInfo(page.endCursor(), page.hasNextPage()))), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

}
