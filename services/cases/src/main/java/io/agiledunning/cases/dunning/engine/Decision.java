package io.agiledunning.cases.dunning.engine;

import io.agiledunning.cases.dunning.strategy.ChannelTemplate;
import io.agiledunning.cases.dunning.strategy.Step;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.util.List;

/** What the decider answers for one case at one instant, always with human-readable reasons. */
public sealed interface Decision {

    List<String> reasons();

    /** Contact the debtor now on {@code channel} with the step's template; {@code sequence} numbers the case's contacts. */
    record Contact(Step step, ChannelTemplate channel, Money fee, int sequence, List<String> reasons) implements Decision {
    }

    /**
     * Nothing to do before {@code until}. {@code blocked}: a guardrail or a dunning stop held back what was due
     * (recorded on the timeline); otherwise the next step simply is not due yet.
     */
    record Wait(Instant until, boolean blocked, List<String> reasons) implements Decision {
    }

    /** Take a lifecycle step (start, resume, promise broken, hand over, write off, pause for review), then decide again. */
    record Command(CaseCommand command, List<String> reasons) implements Decision {
    }

    /** The case has ended: it leaves the schedule. */
    record Finished(List<String> reasons) implements Decision {
    }
}
