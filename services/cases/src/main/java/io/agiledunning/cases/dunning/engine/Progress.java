package io.agiledunning.cases.dunning.engine;

import io.agiledunning.cases.dunning.strategy.TriggerKind;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a case stands in its strategy (the persisted schedule, as a value).
 *
 * @param startedOn       the local day dunning started (null before it started)
 * @param nextStep        index into {@link io.agiledunning.cases.dunning.strategy.Strategy#orderedSteps()}
 * @param pendingReaction a broken promise or defaulted plan not yet answered by its reaction step
 * @param lastContactOn   local day of the last contact
 * @param lastPaymentOn   local day a partial payment was last seen
 * @param contactsSent    contacts emitted so far; the next one's sequence number is {@code contactsSent + 1}
 */
public record Progress(LocalDate startedOn, int nextStep, Optional<Reaction> pendingReaction, Optional<LocalDate> lastContactOn,
                       Optional<LocalDate> lastPaymentOn, int contactsSent) {

    public static Progress notStarted() {
        return new Progress(null, 0, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    public Progress started(LocalDate on) {
        return new Progress(on, nextStep, pendingReaction, lastContactOn, lastPaymentOn, contactsSent);
    }

    public Progress reacting(Reaction reaction) {
        return new Progress(startedOn, nextStep, Optional.of(reaction), lastContactOn, lastPaymentOn, contactsSent);
    }

    public Progress paidPartly(LocalDate on) {
        return new Progress(startedOn, nextStep, pendingReaction, lastContactOn, Optional.of(on), contactsSent);
    }

    /** After a contact was emitted for the step the decider chose. */
    public Progress contacted(LocalDate on, boolean reaction) {
        return new Progress(startedOn, reaction ? nextStep : nextStep + 1, reaction ? Optional.empty() : pendingReaction,
                Optional.of(on), lastPaymentOn, contactsSent + 1);
    }

    /** A broken promise or a defaulted plan, and the local day it happened. */
    public record Reaction(TriggerKind kind, LocalDate on) {
    }
}
