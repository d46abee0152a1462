package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.dunning.engine.PlannedAction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's dunning: the strategy version it runs, when the engine looks next, the reasons of its last decision and
 * a preview of the next actions.
 */
public record CasePlan(UUID caseId, String strategyKey, int strategyVersion, boolean builtInStrategy, String segmentKey,
                       boolean controlGroup, Instant nextActionAt, Instant lastDecidedAt, List<String> lastReasons,
                       boolean lastBlocked, List<PlannedAction> next) {
}
