package io.agiledunning.api;

import io.agiledunning.api.errors.GraphQLApiException;
import io.agiledunning.common.errors.FieldError;
import io.smallrye.mutiny.Uni;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key/value pair given through GraphQL, which has no map type: a debtor's attributes, a segment rule's attributes.
 * The services take them as a JSON object.
 */
public interface KeyValueInput {

    String key();

    String value();

    /**
     * The pairs as a map, in their order (null stays null: "not given"). A key given twice is refused rather than
     * one of its values kept silently.
     *
     * @throws GraphQLApiException VALIDATION on {@code <path>.<key>}
     */
    static Map<String, String> toMap(String path, List<? extends KeyValueInput> pairs) throws GraphQLApiException {
        if (pairs == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValueInput pair : pairs) {
            if (map.put(pair.key(), pair.value()) != null) {
                throw GraphQLApiException.invalid(new FieldError(path + "." + pair.key(), "is given twice"));
            }
        }
        return map;
    }

    /** {@link #toMap}, its refusal as a failed {@code Uni}. */
    static Uni<Map<String, String>> mapped(String path, List<? extends KeyValueInput> pairs) {
        try {
            return Uni.createFrom().item(toMap(path, pairs));
        } catch (GraphQLApiException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
