package io.agiledunning.cases.dunning.segment;

/**
 * The strategy a case runs and why.
 *
 * @param segmentKey null when no segment matched (the tenant's or the built-in default)
 * @param strategyKey null: the built-in default
 */
public record Assignment(String segmentKey, String strategyKey, boolean controlGroup, String reason) {
}
