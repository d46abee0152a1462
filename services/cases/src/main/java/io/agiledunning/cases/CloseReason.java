package io.agiledunning.cases;

import io.agiledunning.cases.lifecycle.CaseCommand;

/** How a case ended; {@link CaseStatus#CLOSED} alone does not say whether the tenant withdrew it or a dispute was upheld. */
public enum CloseReason {
    PAID,
    SETTLED,
    HANDED_OVER,
    WRITTEN_OFF,
    /** The tenant withdrew the case, or its last claim. */
    WITHDRAWN,
    /** The tenant upheld the debtor's dispute (closing or writing off the case). */
    DISPUTE_UPHELD;

    /** Why a case that {@code command} moved into the terminal status {@code to} ended. */
    static CloseReason of(CaseCommand command, CaseStatus to) {
        return switch (command) {
            case CaseCommand.Withdraw c -> WITHDRAWN;
            case CaseCommand.ResolveDispute c -> DISPUTE_UPHELD;
            default -> switch (to) {
                case PAID -> PAID;
                case SETTLED -> SETTLED;
                case HANDED_OVER -> HANDED_OVER;
                case WRITTEN_OFF -> WRITTEN_OFF;
                default -> throw new IllegalArgumentException("%s does not end a case in %s".formatted(command.action(), to));
            };
        };
    }
}
