package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.lifecycle.CaseCommand.AddClaim;
import io.agiledunning.cases.lifecycle.CaseCommand.HandOver;
import io.agiledunning.cases.lifecycle.CaseCommand.MakePromise;
import io.agiledunning.cases.lifecycle.CaseCommand.OpenDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Pause;
import io.agiledunning.cases.lifecycle.CaseCommand.PromiseBroken;
import io.agiledunning.cases.lifecycle.CaseCommand.RecordFullPayment;
import io.agiledunning.cases.lifecycle.CaseCommand.ResolveDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Resume;
import io.agiledunning.cases.lifecycle.CaseCommand.StartDunning;
import io.agiledunning.common.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

import static io.agiledunning.cases.CaseStatus.DISPUTED;
import static io.agiledunning.cases.CaseStatus.HANDED_OVER;
import static io.agiledunning.cases.CaseStatus.IN_DUNNING;
import static io.agiledunning.cases.CaseStatus.OPEN;
import static io.agiledunning.cases.CaseStatus.PAID;
import static io.agiledunning.cases.CaseStatus.PAUSED;
import static io.agiledunning.cases.CaseStatus.PROMISED;
import static io.agiledunning.cases.lifecycle.Samples.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named stories through the lifecycle, as the dunning engine and the tenant would drive them. */
class LifecycleScenariosTest {

    private static Transition step(CaseStatus current, CaseCommand command, LocalDate today) {
        LifecycleResult result = CaseLifecycle.apply(current, command, today);
        return assertInstanceOf(Transition.class, result, () -> "expected a transition, got " + result);
    }

    @Test
    void aBrokenPromiseSendsTheCaseBackToDunning() {
        CaseStatus status = step(OPEN, new StartDunning(), TODAY).to();
        Transition promised = step(status, new MakePromise(TODAY.plusDays(14), Money.of("200", "EUR")), TODAY);
        assertEquals(PROMISED, promised.to());
        assertEquals(CaseEventType.PROMISE_MADE, promised.event());
        assertFalse(CaseLifecycle.dunningActive(promised.to()), "no reminders while a promise is pending");

        Transition broken = step(PROMISED, new PromiseBroken("no payment by 2025-03-24"), TODAY.plusDays(15));
        assertEquals(new Transition(PROMISED, IN_DUNNING, CaseEventType.PROMISE_BROKEN,
                "promise broken, dunning resumes: no payment by 2025-03-24"), broken);
        assertTrue(CaseLifecycle.dunningActive(broken.to()));
    }

    @Test
    void aRejectedDisputeSendsTheCaseBackToDunning() {
        Transition opened = step(IN_DUNNING, new OpenDispute("never ordered", "debtor's e-mail of 2025-03-08"), TODAY);
        assertEquals(new Transition(IN_DUNNING, DISPUTED, CaseEventType.DISPUTE_OPENED,
                "dispute opened: never ordered (evidence: debtor's e-mail of 2025-03-08)"), opened);
        assertFalse(CaseLifecycle.dunningActive(DISPUTED), "a dispute stops dunning");

        Transition resolved = step(DISPUTED, new ResolveDispute(DisputeResolution.REJECTED, "signed order on file"), TODAY.plusDays(3));
        assertEquals(new Transition(DISPUTED, IN_DUNNING, CaseEventType.DISPUTE_RESOLVED,
                "dispute rejected, dunning resumes: signed order on file"), resolved);
    }

    @Test
    void anUpheldDisputeEndsTheCaseAsTheTenantChooses() {
        assertEquals(CaseStatus.CLOSED, step(DISPUTED, new ResolveDispute(DisputeResolution.UPHELD_CLOSE, "credit note issued"), TODAY).to());
        assertEquals(CaseStatus.WRITTEN_OFF, step(DISPUTED, new ResolveDispute(DisputeResolution.UPHELD_WRITE_OFF, "goodwill"), TODAY).to());
    }

    @Test
    void aPauseWithAnUntilDateIsResumedWhenTheDateComes() {
        LocalDate until = LocalDate.of(2025, 4, 1);
        Transition paused = step(IN_DUNNING, new Pause("debtor in hospital", until), TODAY);
        assertEquals(new Transition(IN_DUNNING, PAUSED, CaseEventType.CASE_PAUSED, "paused until 2025-04-01: debtor in hospital"), paused);
        assertFalse(CaseLifecycle.dunningActive(PAUSED));

        // the engine resumes the case on the until-date
        Transition resumed = step(PAUSED, new Resume("pause ended on 2025-04-01"), until);
        assertEquals(new Transition(PAUSED, IN_DUNNING, CaseEventType.CASE_RESUMED, "resumed: pause ended on 2025-04-01"), resumed);
    }

    @Test
    void payingADisputedCaseEndsItAsPaid() {
        Transition paid = step(DISPUTED, new RecordFullPayment(Money.of("99.90", "EUR")), TODAY);
        assertEquals(new Transition(DISPUTED, PAID, CaseEventType.CASE_CLOSED, "paid in full (99.90 EUR)"), paid);
    }

    @Test
    void aNewClaimJoinsWithoutChangingTheStatus() {
        Transition joined = step(PAUSED, new AddClaim("INV-2025-0043", Money.of("15", "EUR")), TODAY);
        assertEquals(PAUSED, joined.to());
        assertFalse(joined.statusChanged());
        assertEquals("ClaimAdded", joined.event().eventName());
    }

    @Test
    void aHandedOverCaseAcceptsNothingMore() {
        CaseStatus status = step(OPEN, new StartDunning(), TODAY).to();
        status = step(status, new HandOver("Inkasso Nord GmbH", "three reminders unanswered"), TODAY).to();
        assertEquals(HANDED_OVER, status);
        for (CaseCommand command : Samples.COMMANDS.values()) {
            Refusal refusal = assertInstanceOf(Refusal.class, CaseLifecycle.apply(status, command, TODAY));
            assertEquals(Refusal.Kind.CASE_CLOSED, refusal.kind());
        }
    }

    @Test
    void everyStatusIsReachableFromOpen() {
        Set<CaseStatus> seen = EnumSet.of(OPEN);
        Deque<CaseStatus> todo = new ArrayDeque<>(Set.of(OPEN));
        while (!todo.isEmpty()) {
            CaseStatus current = todo.pop();
            for (CaseCommand command : Samples.COMMANDS.values()) {
                if (CaseLifecycle.apply(current, command, TODAY) instanceof Transition t && seen.add(t.to())) {
                    todo.push(t.to());
                }
            }
        }
        assertEquals(EnumSet.allOf(CaseStatus.class), seen);
    }
}
