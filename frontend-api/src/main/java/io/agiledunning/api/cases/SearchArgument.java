package io.agiledunning.api.cases;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.search.SearchPrefix;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.function.Supplier;

/**
 * The cases service's search rule ({@link SearchPrefix}) applied to a GraphQL argument before cases is called: a too
 * short text is VALIDATION naming the argument as the caller wrote it ({@code filter.search}, {@code search}; the
 * service would name its parameter {@code q}) — also while the gateway's circuit breaker is open.
 */
final class SearchArgument {

    private SearchArgument() {
    }

    static <T> Uni<T> checked(String search, String argument, Supplier<Uni<T>> call) {
        return SearchPrefix.refusal(search, argument)
                .map(refusal -> Uni.createFrom().<T>failure(ApiException.invalid(List.of(refusal))))
                .orElseGet(call);
    }
}
