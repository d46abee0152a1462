package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.lifecycle.CaseCommand.ActivatePlan;
import io.agiledunning.cases.lifecycle.CaseCommand.AddClaim;
import io.agiledunning.cases.lifecycle.CaseCommand.HandOver;
import io.agiledunning.cases.lifecycle.CaseCommand.MakePromise;
import io.agiledunning.cases.lifecycle.CaseCommand.OpenDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Pause;
import io.agiledunning.cases.lifecycle.CaseCommand.PlanCompleted;
import io.agiledunning.cases.lifecycle.CaseCommand.PlanDefaulted;
import io.agiledunning.cases.lifecycle.CaseCommand.PromiseBroken;
import io.agiledunning.cases.lifecycle.CaseCommand.PromiseKept;
import io.agiledunning.cases.lifecycle.CaseCommand.RecordFullPayment;
import io.agiledunning.cases.lifecycle.CaseCommand.ResolveDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Resume;
import io.agiledunning.cases.lifecycle.CaseCommand.Settle;
import io.agiledunning.cases.lifecycle.CaseCommand.StartDunning;
import io.agiledunning.cases.lifecycle.CaseCommand.Withdraw;
import io.agiledunning.cases.lifecycle.CaseCommand.WriteOff;
import io.agiledunning.common.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.LocalDate;
import java.util.List;

import static io.agiledunning.cases.lifecycle.Samples.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Random command sequences (valid and invalid data) from OPEN, so through every reachable status: a
 * terminal status is never left, every transition starts at the current status, refusals change nothing.
 */
class LifecyclePropertiesTest {

    @Property(tries = 2000)
    void randomSequencesKeepTheInvariants(@ForAll("commandSequences") List<CaseCommand> commands) {
        CaseStatus current = CaseStatus.OPEN;
        for (CaseCommand command : commands) {
            LifecycleResult result = CaseLifecycle.apply(current, command, TODAY);
            switch (result) {
                case Refusal refusal -> {
                    assertEquals(current, refusal.current());
                    assertEquals(current.isTerminal(), refusal.kind() == Refusal.Kind.CASE_CLOSED, refusal.message());
                    assertNotEquals("", refusal.message());
                }
                case Transition transition -> {
                    assertEquals(false, current.isTerminal(), () -> "left terminal " + transition);
                    assertEquals(current, transition.from());
                    assertEquals(transition.event() == CaseEventType.CLAIM_ADDED, !transition.statusChanged(), transition::toString);
                    current = transition.to();
                }
            }
        }
        Statistics.collect(current);
    }

    @Property(tries = 500)
    void anyStatusAnsweredTheSameForTheSameInput(@ForAll CaseStatus status, @ForAll("commands") CaseCommand command) {
        assertEquals(CaseLifecycle.apply(status, command, TODAY), CaseLifecycle.apply(status, command, TODAY));
        if (status.isTerminal()) {
            assertInstanceOf(Refusal.class, CaseLifecycle.apply(status, command, TODAY));
        }
    }

    @Provide
    Arbitrary<List<CaseCommand>> commandSequences() {
        return commands().list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<CaseCommand> commands() {
        Arbitrary<String> text = Arbitraries.of("", "  ", "debtor called", "no reaction");
        Arbitrary<LocalDate> date = Arbitraries.integers().between(-20, 40).map(TODAY::plusDays);
        Arbitrary<Money> money = Arbitraries.longs().between(-500, 50_000).map(minor -> Money.ofMinor(minor, "EUR"));
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(new StartDunning()),
                Combinators.combine(text, date.optional()).as(Pause::new),
                text.map(Resume::new),
                Combinators.combine(text, text).as(OpenDispute::new),
                Combinators.combine(Arbitraries.of(DisputeResolution.class), text).as(ResolveDispute::new),
                Combinators.combine(date, money).as(MakePromise::new),
                money.map(PromiseKept::new),
                text.map(PromiseBroken::new),
                Combinators.combine(Arbitraries.integers().between(0, 12), money, date).as(ActivatePlan::new),
                Arbitraries.just(new PlanCompleted()),
                text.map(PlanDefaulted::new),
                money.map(RecordFullPayment::new),
                Combinators.combine(money, text).as(Settle::new),
                Combinators.combine(text, text).as(HandOver::new),
                text.map(WriteOff::new),
                text.map(Withdraw::new),
                Combinators.combine(text, money).as(AddClaim::new)));
    }
}
