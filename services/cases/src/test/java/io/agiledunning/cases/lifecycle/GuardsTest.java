package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.lifecycle.CaseCommand.ActivatePlan;
import io.agiledunning.cases.lifecycle.CaseCommand.AddClaim;
import io.agiledunning.cases.lifecycle.CaseCommand.HandOver;
import io.agiledunning.cases.lifecycle.CaseCommand.MakePromise;
import io.agiledunning.cases.lifecycle.CaseCommand.OpenDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Pause;
import io.agiledunning.cases.lifecycle.CaseCommand.PlanDefaulted;
import io.agiledunning.cases.lifecycle.CaseCommand.PromiseBroken;
import io.agiledunning.cases.lifecycle.CaseCommand.PromiseKept;
import io.agiledunning.cases.lifecycle.CaseCommand.RecordFullPayment;
import io.agiledunning.cases.lifecycle.CaseCommand.ResolveDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Resume;
import io.agiledunning.cases.lifecycle.CaseCommand.Settle;
import io.agiledunning.cases.lifecycle.CaseCommand.Withdraw;
import io.agiledunning.cases.lifecycle.CaseCommand.WriteOff;
import io.agiledunning.common.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.stream.Stream;

import static io.agiledunning.cases.CaseStatus.DISPUTED;
import static io.agiledunning.cases.CaseStatus.IN_DUNNING;
import static io.agiledunning.cases.CaseStatus.OPEN;
import static io.agiledunning.cases.CaseStatus.PAUSED;
import static io.agiledunning.cases.CaseStatus.PLAN_ACTIVE;
import static io.agiledunning.cases.CaseStatus.PROMISED;
import static io.agiledunning.cases.lifecycle.Samples.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The data guards: each refused with {@link Refusal.Kind#INVALID_INPUT} and an exact message. */
class GuardsTest {

    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(IN_DUNNING, new MakePromise(YESTERDAY, eur("120")),
                        "cannot make a promise on a case that is IN_DUNNING: the promise date 2025-03-09 is in the past (today is 2025-03-10)"),
                Arguments.of(OPEN, new MakePromise(TOMORROW, eur("0")),
                        "cannot make a promise on a case that is OPEN: the promised amount must be positive, got 0.00 EUR"),
                Arguments.of(IN_DUNNING, new MakePromise(TOMORROW, eur("-5")),
                        "cannot make a promise on a case that is IN_DUNNING: the promised amount must be positive, got -5.00 EUR"),
                Arguments.of(IN_DUNNING, new Pause("holiday", TODAY),
                        "cannot pause a case that is IN_DUNNING: the pause must end after today (2025-03-10), got 2025-03-10"),
                Arguments.of(OPEN, new Pause("holiday", YESTERDAY),
                        "cannot pause a case that is OPEN: the pause must end after today (2025-03-10), got 2025-03-09"),
                Arguments.of(IN_DUNNING, new Pause("  "),
                        "cannot pause a case that is IN_DUNNING: a reason is required"),
                Arguments.of(PAUSED, new Resume(""),
                        "cannot resume a case that is PAUSED: a reason is required"),
                Arguments.of(IN_DUNNING, new OpenDispute(" ", "photo of the damaged goods"),
                        "cannot open a dispute on a case that is IN_DUNNING: a reason is required"),
                Arguments.of(DISPUTED, new ResolveDispute(DisputeResolution.REJECTED, ""),
                        "cannot resolve a dispute on a case that is DISPUTED: a note on the decision is required"),
                Arguments.of(PROMISED, new PromiseKept(eur("-1")),
                        "cannot record a kept promise on a case that is PROMISED: the outstanding balance must not be negative, got -1.00 EUR"),
                Arguments.of(PROMISED, new PromiseBroken(""),
                        "cannot record a broken promise on a case that is PROMISED: a reason is required"),
                Arguments.of(IN_DUNNING, new ActivatePlan(1, eur("50"), TOMORROW),
                        "cannot activate an installment plan on a case that is IN_DUNNING: an installment plan needs at least 2 installments, got 1"),
                Arguments.of(IN_DUNNING, new ActivatePlan(3, eur("0"), TOMORROW),
                        "cannot activate an installment plan on a case that is IN_DUNNING: the installment amount must be positive, got 0.00 EUR"),
                Arguments.of(PROMISED, new ActivatePlan(3, eur("50"), YESTERDAY),
                        "cannot activate an installment plan on a case that is PROMISED: the first installment date 2025-03-09 is in the past (today is 2025-03-10)"),
                Arguments.of(PLAN_ACTIVE, new PlanDefaulted(" "),
                        "cannot record a defaulted installment plan on a case that is PLAN_ACTIVE: a reason is required"),
                Arguments.of(DISPUTED, new RecordFullPayment(eur("0")),
                        "cannot record a full payment on a case that is DISPUTED: the payment must be positive, got 0.00 EUR"),
                Arguments.of(IN_DUNNING, new Settle(eur("0"), "hardship"),
                        "cannot settle a case that is IN_DUNNING: the agreed amount must be positive, got 0.00 EUR"),
                Arguments.of(IN_DUNNING, new Settle(eur("100"), ""),
                        "cannot settle a case that is IN_DUNNING: a reason is required"),
                Arguments.of(IN_DUNNING, new HandOver(" ", "dunning exhausted"),
                        "cannot hand over a case that is IN_DUNNING: the recipient is required"),
                Arguments.of(IN_DUNNING, new HandOver("Inkasso Nord GmbH", ""),
                        "cannot hand over a case that is IN_DUNNING: a reason is required"),
                Arguments.of(PAUSED, new WriteOff(""),
                        "cannot write off a case that is PAUSED: a reason is required"),
                Arguments.of(OPEN, new Withdraw(" "),
                        "cannot withdraw a case that is OPEN: a reason is required"),
                Arguments.of(IN_DUNNING, new AddClaim(" ", eur("80")),
                        "cannot add a claim to a case that is IN_DUNNING: the claim reference is required"),
                Arguments.of(PROMISED, new AddClaim("INV-7", eur("-80")),
                        "cannot add a claim to a case that is PROMISED: the claim amount must be positive, got -80.00 EUR"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidInputs")
    void refusesInvalidData(CaseStatus status, CaseCommand command, String message) {
        Refusal refusal = assertInstanceOf(Refusal.class, CaseLifecycle.apply(status, command, TODAY));
        assertEquals(Refusal.Kind.INVALID_INPUT, refusal.kind());
        assertEquals(message, refusal.message());
    }

    @Test
    void aPromiseForTodayIsAccepted() {
        Transition t = assertInstanceOf(Transition.class,
                CaseLifecycle.apply(IN_DUNNING, new MakePromise(TODAY, eur("10")), TODAY));
        assertEquals("promise to pay 10.00 EUR by 2025-03-10", t.reason());
    }

    @Test
    void aPauseUntilTomorrowIsAccepted() {
        Transition t = assertInstanceOf(Transition.class,
                CaseLifecycle.apply(IN_DUNNING, new Pause("holiday", TOMORROW), TODAY));
        assertEquals("paused until 2025-03-11: holiday", t.reason());
    }

    @Test
    void aDisputeWithoutEvidenceIsAccepted() {
        Transition t = assertInstanceOf(Transition.class,
                CaseLifecycle.apply(PLAN_ACTIVE, new OpenDispute("amount is wrong", " "), TODAY));
        assertEquals(DISPUTED, t.to());
        assertEquals("dispute opened: amount is wrong", t.reason());
    }

    @Test
    void theStatusIsCheckedBeforeTheData() {
        Refusal closed = assertInstanceOf(Refusal.class,
                CaseLifecycle.apply(CaseStatus.HANDED_OVER, new MakePromise(YESTERDAY, eur("0")), TODAY));
        assertEquals(Refusal.Kind.CASE_CLOSED, closed.kind());
        assertEquals("cannot make a promise on a case that is HANDED_OVER: the case is closed", closed.message());

        Refusal wrongStatus = assertInstanceOf(Refusal.class,
                CaseLifecycle.apply(DISPUTED, new Pause(""), TODAY));
        assertEquals(Refusal.Kind.NOT_ALLOWED_IN_STATUS, wrongStatus.kind());
        assertEquals("cannot pause a case that is DISPUTED: a dispute is open; resolve it first", wrongStatus.message());
    }

    @Test
    void missingValuesAreProgrammingErrors() {
        assertThrows(NullPointerException.class, () -> new Pause(null));
        assertThrows(NullPointerException.class, () -> new MakePromise(null, eur("1")));
        assertThrows(NullPointerException.class, () -> CaseLifecycle.apply(null, new Resume("x"), TODAY));
        assertThrows(NullPointerException.class, () -> CaseLifecycle.apply(PAUSED, null, TODAY));
        assertThrows(NullPointerException.class, () -> CaseLifecycle.apply(PAUSED, new Resume("x"), null));
    }
}
