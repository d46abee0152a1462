package io.agiledunning.api.errors;

import io.agiledunning.common.errors.ErrorCode;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** Reads a GraphQL {@code ID} argument; one that is not a UUID names nothing, so it is NOT_FOUND like a missing one. */
public final class GraphQLIds {

    private GraphQLIds() {
    }

    /** @param what the thing the id names, for the message ("case", "import job") */
    public static Uni<UUID> parse(String id, String what) {
        try {
            return Uni.createFrom().item(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new GraphQLApiException(ErrorCode.NOT_FOUND, "%s %s not found".formatted(what, id)));
        }
    }
}
