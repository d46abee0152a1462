package io.agiledunning.cases.dunning.engine;

import java.time.Instant;
import java.util.List;

/**
 * One action of a preview: a contact ({@code step} and {@code channel} set) or a lifecycle step such as the
 * handover ({@code command} set), when it would happen and why.
 */
public record PlannedAction(Instant at, String step, String channel, String template, String command, List<String> reasons) {
}
