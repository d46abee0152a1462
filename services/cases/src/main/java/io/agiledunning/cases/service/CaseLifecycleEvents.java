package io.agiledunning.cases.service;

import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.CaseEventType;
import io.agiledunning.cases.lifecycle.Transition;
import io.agiledunning.common.events.CaseClosed;
import io.agiledunning.common.events.CasePaused;
import io.agiledunning.common.events.CaseResumed;
import io.agiledunning.common.events.CaseStatusChanged;
import io.agiledunning.common.events.ClaimAdded;
import io.agiledunning.common.events.DisputeOpened;
import io.agiledunning.common.events.DisputeResolved;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.events.PlanActivated;
import io.agiledunning.common.events.PlanCompleted;
import io.agiledunning.common.events.PlanDefaulted;
import io.agiledunning.common.events.PromiseBroken;
import io.agiledunning.common.events.PromiseKept;
import io.agiledunning.common.events.PromiseMade;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox events of one transition, in publishing order: the specific event the transition names
 * (e.g. {@code CasePaused}), then {@code CaseClosed} if the case ended under another name (a dispute upheld,
 * a promise kept in full, a plan completed), then {@code CaseStatusChanged} for every change of status.
 * A start of dunning is only a {@code CaseStatusChanged}; a claim joining changes no status.
 */
final class CaseLifecycleEvents {

    private CaseLifecycleEvents() {
    }

    static List<DomainEvent> of(UUID caseId, Transition t, CaseCommand command) {
        String from = t.from().name();
        String to = t.to().name();
        List<DomainEvent> events = new ArrayList<>(3);
        DomainEvent specific = switch (command) {
            case CaseCommand.StartDunning c -> null;
            case CaseCommand.Pause c -> new CasePaused(caseId, c.reason().strip(), c.until().orElse(null));
            case CaseCommand.Resume c -> new CaseResumed(caseId, c.reason().strip());
            case CaseCommand.OpenDispute c -> new DisputeOpened(caseId, c.reason().strip(), c.evidenceNote().strip());
            case CaseCommand.ResolveDispute c -> new DisputeResolved(caseId, c.resolution().name(), c.note().strip(), to);
            case CaseCommand.MakePromise c -> new PromiseMade(caseId, c.payBy(), c.amount());
            case CaseCommand.PromiseKept c -> new PromiseKept(caseId, c.outstandingAfter(), to);
            case CaseCommand.PromiseBroken c -> new PromiseBroken(caseId, c.reason().strip());
            case CaseCommand.ActivatePlan c -> new PlanActivated(caseId, c.installments(), c.installmentAmount(), c.firstDueOn());
            case CaseCommand.PlanCompleted c -> new PlanCompleted(caseId);
            case CaseCommand.PlanDefaulted c -> new PlanDefaulted(caseId, c.reason().strip());
            case CaseCommand.AddClaim c -> new ClaimAdded(caseId, c.claimReference().strip(), c.amount());
            case CaseCommand.RecordFullPayment c -> closed(caseId, t);
            case CaseCommand.Settle c -> closed(caseId, t);
            case CaseCommand.HandOver c -> closed(caseId, t);
            case CaseCommand.WriteOff c -> closed(caseId, t);
            case CaseCommand.Withdraw c -> closed(caseId, t);
        };
        if (specific != null) {
            events.add(specific);
        }
        if (t.to().isTerminal() && t.event() != CaseEventType.CASE_CLOSED) {
            events.add(closed(caseId, t));
        }
        if (t.statusChanged()) {
            events.add(new CaseStatusChanged(caseId, from, to, t.reason()));
        }
        return events;
    }

    /** What the timeline keeps as the entry's data: the transition's own event, or the status change. */
    static DomainEvent timelineData(UUID caseId, Transition t, List<DomainEvent> events) {
        return events.isEmpty() ? new CaseStatusChanged(caseId, t.from().name(), t.to().name(), t.reason()) : events.getFirst();
    }

    private static CaseClosed closed(UUID caseId, Transition t) {
        return new CaseClosed(caseId, t.from().name(), t.to().name(), t.reason());
    }
}
