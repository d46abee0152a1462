package io.agiledunning.cases.dunning.api;

import io.agiledunning.cases.dunning.StrategyVersion;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.StrategyValidation;
import io.agiledunning.common.errors.FieldError;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A strategy version with its definition and, for drafts, what stands in the way of publishing it. */
public record StrategyView(UUID id, String key, int version, String status, Strategy definition, List<FieldError> problems,
                           Instant createdAt, Instant publishedAt, Instant archivedAt) {

    public static StrategyView of(StrategyVersion v) {
        Strategy strategy = v.strategy();
        return new StrategyView(v.id(), v.key(), v.version(), v.status().name(), strategy,
                StrategyValidation.problems(strategy), v.createdAt(), v.publishedAt(), v.archivedAt());
    }
}
