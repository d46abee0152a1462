package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.CaseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.agiledunning.cases.lifecycle.Samples.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Every non-terminal status × every command (with its outcome variants): the target status and event, or
 * the exact refusal. Terminal statuses refuse everything ({@link #terminalStatusesRefuseEveryCommand}).
 */
class TransitionTableTest {

    private static final String TABLE = """
            OPEN        | StartDunning                 | IN_DUNNING  | CaseStatusChanged | dunning started
            IN_DUNNING  | StartDunning                 | REFUSED     |                   | cannot start dunning on a case that is IN_DUNNING: dunning is already running
            PROMISED    | StartDunning                 | REFUSED     |                   | cannot start dunning on a case that is PROMISED: a promise to pay is pending; record it as kept or broken first
            PLAN_ACTIVE | StartDunning                 | REFUSED     |                   | cannot start dunning on a case that is PLAN_ACTIVE: an installment plan is active; record it as completed or defaulted first
            DISPUTED    | StartDunning                 | REFUSED     |                   | cannot start dunning on a case that is DISPUTED: a dispute is open; resolve it first
            PAUSED      | StartDunning                 | REFUSED     |                   | cannot start dunning on a case that is PAUSED: the case is paused; resume it first
            OPEN        | PauseUntil                   | PAUSED      | CasePaused        | paused until 2025-03-24: debtor in hospital
            IN_DUNNING  | PauseUntil                   | PAUSED      | CasePaused        | paused until 2025-03-24: debtor in hospital
            PROMISED    | PauseUntil                   | REFUSED     |                   | cannot pause a case that is PROMISED: a promise to pay is pending; record it as kept or broken first
            PLAN_ACTIVE | PauseUntil                   | REFUSED     |                   | cannot pause a case that is PLAN_ACTIVE: an installment plan is active; record it as completed or defaulted first
            DISPUTED    | PauseUntil                   | REFUSED     |                   | cannot pause a case that is DISPUTED: a dispute is open; resolve it first
            PAUSED      | PauseUntil                   | REFUSED     |                   | cannot pause a case that is PAUSED: the case is already paused
            OPEN        | PauseIndefinitely            | PAUSED      | CasePaused        | paused: tenant checks the invoice
            IN_DUNNING  | PauseIndefinitely            | PAUSED      | CasePaused        | paused: tenant checks the invoice
            PROMISED    | PauseIndefinitely            | REFUSED     |                   | cannot pause a case that is PROMISED: a promise to pay is pending; record it as kept or broken first
            PLAN_ACTIVE | PauseIndefinitely            | REFUSED     |                   | cannot pause a case that is PLAN_ACTIVE: an installment plan is active; record it as completed or defaulted first
            DISPUTED    | PauseIndefinitely            | REFUSED     |                   | cannot pause a case that is DISPUTED: a dispute is open; resolve it first
            PAUSED      | PauseIndefinitely            | REFUSED     |                   | cannot pause a case that is PAUSED: the case is already paused
            OPEN        | Resume                       | REFUSED     |                   | cannot resume a case that is OPEN: only a PAUSED case can be resumed
            IN_DUNNING  | Resume                       | REFUSED     |                   | cannot resume a case that is IN_DUNNING: only a PAUSED case can be resumed
            PROMISED    | Resume                       | REFUSED     |                   | cannot resume a case that is PROMISED: only a PAUSED case can be resumed
            PLAN_ACTIVE | Resume                       | REFUSED     |                   | cannot resume a case that is PLAN_ACTIVE: only a PAUSED case can be resumed
            DISPUTED    | Resume                       | REFUSED     |                   | cannot resume a case that is DISPUTED: only a PAUSED case can be resumed
            PAUSED      | Resume                       | IN_DUNNING  | CaseResumed       | resumed: debtor back home
            OPEN        | OpenDispute                  | DISPUTED    | DisputeOpened     | dispute opened: goods never delivered (evidence: no delivery note)
            IN_DUNNING  | OpenDispute                  | DISPUTED    | DisputeOpened     | dispute opened: goods never delivered (evidence: no delivery note)
            PROMISED    | OpenDispute                  | DISPUTED    | DisputeOpened     | dispute opened: goods never delivered (evidence: no delivery note)
            PLAN_ACTIVE | OpenDispute                  | DISPUTED    | DisputeOpened     | dispute opened: goods never delivered (evidence: no delivery note)
            DISPUTED    | OpenDispute                  | REFUSED     |                   | cannot open a dispute on a case that is DISPUTED: a dispute is already open
            PAUSED      | OpenDispute                  | DISPUTED    | DisputeOpened     | dispute opened: goods never delivered (evidence: no delivery note)
            OPEN        | ResolveDisputeRejected       | REFUSED     |                   | cannot resolve a dispute on a case that is OPEN: no dispute is open
            IN_DUNNING  | ResolveDisputeRejected       | REFUSED     |                   | cannot resolve a dispute on a case that is IN_DUNNING: no dispute is open
            PROMISED    | ResolveDisputeRejected       | REFUSED     |                   | cannot resolve a dispute on a case that is PROMISED: no dispute is open
            PLAN_ACTIVE | ResolveDisputeRejected       | REFUSED     |                   | cannot resolve a dispute on a case that is PLAN_ACTIVE: no dispute is open
            DISPUTED    | ResolveDisputeRejected       | IN_DUNNING  | DisputeResolved   | dispute rejected, dunning resumes: delivery confirmed by carrier
            PAUSED      | ResolveDisputeRejected       | REFUSED     |                   | cannot resolve a dispute on a case that is PAUSED: no dispute is open
            OPEN        | ResolveDisputeUpheldClose    | REFUSED     |                   | cannot resolve a dispute on a case that is OPEN: no dispute is open
            IN_DUNNING  | ResolveDisputeUpheldClose    | REFUSED     |                   | cannot resolve a dispute on a case that is IN_DUNNING: no dispute is open
            PROMISED    | ResolveDisputeUpheldClose    | REFUSED     |                   | cannot resolve a dispute on a case that is PROMISED: no dispute is open
            PLAN_ACTIVE | ResolveDisputeUpheldClose    | REFUSED     |                   | cannot resolve a dispute on a case that is PLAN_ACTIVE: no dispute is open
            DISPUTED    | ResolveDisputeUpheldClose    | CLOSED      | DisputeResolved   | dispute upheld, case closed: invoice was sent twice
            PAUSED      | ResolveDisputeUpheldClose    | REFUSED     |                   | cannot resolve a dispute on a case that is PAUSED: no dispute is open
            OPEN        | ResolveDisputeUpheldWriteOff | REFUSED     |                   | cannot resolve a dispute on a case that is OPEN: no dispute is open
            IN_DUNNING  | ResolveDisputeUpheldWriteOff | REFUSED     |                   | cannot resolve a dispute on a case that is IN_DUNNING: no dispute is open
            PROMISED    | ResolveDisputeUpheldWriteOff | REFUSED     |                   | cannot resolve a dispute on a case that is PROMISED: no dispute is open
            PLAN_ACTIVE | ResolveDisputeUpheldWriteOff | REFUSED     |                   | cannot resolve a dispute on a case that is PLAN_ACTIVE: no dispute is open
            DISPUTED    | ResolveDisputeUpheldWriteOff | WRITTEN_OFF | DisputeResolved   | dispute upheld, claim written off: goods were damaged
            PAUSED      | ResolveDisputeUpheldWriteOff | REFUSED     |                   | cannot resolve a dispute on a case that is PAUSED: no dispute is open
            OPEN        | MakePromise                  | PROMISED    | PromiseMade       | promise to pay 120.00 EUR by 2025-03-31
            IN_DUNNING  | MakePromise                  | PROMISED    | PromiseMade       | promise to pay 120.00 EUR by 2025-03-31
            PROMISED    | MakePromise                  | REFUSED     |                   | cannot make a promise on a case that is PROMISED: a promise to pay is already pending
            PLAN_ACTIVE | MakePromise                  | REFUSED     |                   | cannot make a promise on a case that is PLAN_ACTIVE: an installment plan is active; record it as completed or defaulted first
            DISPUTED    | MakePromise                  | REFUSED     |                   | cannot make a promise on a case that is DISPUTED: a dispute is open; resolve it first
            PAUSED      | MakePromise                  | REFUSED     |                   | cannot make a promise on a case that is PAUSED: the case is paused; resume it first
            OPEN        | PromiseKeptInFull            | REFUSED     |                   | cannot record a kept promise on a case that is OPEN: no promise to pay is pending
            IN_DUNNING  | PromiseKeptInFull            | REFUSED     |                   | cannot record a kept promise on a case that is IN_DUNNING: no promise to pay is pending
            PROMISED    | PromiseKeptInFull            | PAID        | PromiseKept       | promise kept, paid in full
            PLAN_ACTIVE | PromiseKeptInFull            | REFUSED     |                   | cannot record a kept promise on a case that is PLAN_ACTIVE: no promise to pay is pending
            DISPUTED    | PromiseKeptInFull            | REFUSED     |                   | cannot record a kept promise on a case that is DISPUTED: no promise to pay is pending
            PAUSED      | PromiseKeptInFull            | REFUSED     |                   | cannot record a kept promise on a case that is PAUSED: no promise to pay is pending
            OPEN        | PromiseKeptPartly            | REFUSED     |                   | cannot record a kept promise on a case that is OPEN: no promise to pay is pending
            IN_DUNNING  | PromiseKeptPartly            | REFUSED     |                   | cannot record a kept promise on a case that is IN_DUNNING: no promise to pay is pending
            PROMISED    | PromiseKeptPartly            | IN_DUNNING  | PromiseKept       | promise kept, 30.00 EUR still outstanding; dunning resumes
            PLAN_ACTIVE | PromiseKeptPartly            | REFUSED     |                   | cannot record a kept promise on a case that is PLAN_ACTIVE: no promise to pay is pending
            DISPUTED    | PromiseKeptPartly            | REFUSED     |                   | cannot record a kept promise on a case that is DISPUTED: no promise to pay is pending
            PAUSED      | PromiseKeptPartly            | REFUSED     |                   | cannot record a kept promise on a case that is PAUSED: no promise to pay is pending
            OPEN        | PromiseBroken                | REFUSED     |                   | cannot record a broken promise on a case that is OPEN: no promise to pay is pending
            IN_DUNNING  | PromiseBroken                | REFUSED     |                   | cannot record a broken promise on a case that is IN_DUNNING: no promise to pay is pending
            PROMISED    | PromiseBroken                | IN_DUNNING  | PromiseBroken     | promise broken, dunning resumes: no payment by 2025-03-31
            PLAN_ACTIVE | PromiseBroken                | REFUSED     |                   | cannot record a broken promise on a case that is PLAN_ACTIVE: no promise to pay is pending
            DISPUTED    | PromiseBroken                | REFUSED     |                   | cannot record a broken promise on a case that is DISPUTED: no promise to pay is pending
            PAUSED      | PromiseBroken                | REFUSED     |                   | cannot record a broken promise on a case that is PAUSED: no promise to pay is pending
            OPEN        | ActivatePlan                 | PLAN_ACTIVE | PlanActivated     | installment plan activated: 6 installments of 50.00 EUR from 2025-04-01
            IN_DUNNING  | ActivatePlan                 | PLAN_ACTIVE | PlanActivated     | installment plan activated: 6 installments of 50.00 EUR from 2025-04-01
            PROMISED    | ActivatePlan                 | PLAN_ACTIVE | PlanActivated     | installment plan activated: 6 installments of 50.00 EUR from 2025-04-01
            PLAN_ACTIVE | ActivatePlan                 | REFUSED     |                   | cannot activate an installment plan on a case that is PLAN_ACTIVE: an installment plan is already active
            DISPUTED    | ActivatePlan                 | REFUSED     |                   | cannot activate an installment plan on a case that is DISPUTED: a dispute is open; resolve it first
            PAUSED      | ActivatePlan                 | REFUSED     |                   | cannot activate an installment plan on a case that is PAUSED: the case is paused; resume it first
            OPEN        | PlanCompleted                | REFUSED     |                   | cannot complete an installment plan on a case that is OPEN: no installment plan is active
            IN_DUNNING  | PlanCompleted                | REFUSED     |                   | cannot complete an installment plan on a case that is IN_DUNNING: no installment plan is active
            PROMISED    | PlanCompleted                | REFUSED     |                   | cannot complete an installment plan on a case that is PROMISED: no installment plan is active
            PLAN_ACTIVE | PlanCompleted                | PAID        | PlanCompleted     | installment plan completed, paid in full
            DISPUTED    | PlanCompleted                | REFUSED     |                   | cannot complete an installment plan on a case that is DISPUTED: no installment plan is active
            PAUSED      | PlanCompleted                | REFUSED     |                   | cannot complete an installment plan on a case that is PAUSED: no installment plan is active
            OPEN        | PlanDefaulted                | REFUSED     |                   | cannot record a defaulted installment plan on a case that is OPEN: no installment plan is active
            IN_DUNNING  | PlanDefaulted                | REFUSED     |                   | cannot record a defaulted installment plan on a case that is IN_DUNNING: no installment plan is active
            PROMISED    | PlanDefaulted                | REFUSED     |                   | cannot record a defaulted installment plan on a case that is PROMISED: no installment plan is active
            PLAN_ACTIVE | PlanDefaulted                | IN_DUNNING  | PlanDefaulted     | installment plan defaulted, dunning resumes: second installment missed
            DISPUTED    | PlanDefaulted                | REFUSED     |                   | cannot record a defaulted installment plan on a case that is DISPUTED: no installment plan is active
            PAUSED      | PlanDefaulted                | REFUSED     |                   | cannot record a defaulted installment plan on a case that is PAUSED: no installment plan is active
            OPEN        | RecordFullPayment            | PAID        | CaseClosed        | paid in full (300.00 EUR)
            IN_DUNNING  | RecordFullPayment            | PAID        | CaseClosed        | paid in full (300.00 EUR)
            PROMISED    | RecordFullPayment            | PAID        | CaseClosed        | paid in full (300.00 EUR)
            PLAN_ACTIVE | RecordFullPayment            | PAID        | CaseClosed        | paid in full (300.00 EUR)
            DISPUTED    | RecordFullPayment            | PAID        | CaseClosed        | paid in full (300.00 EUR)
            PAUSED      | RecordFullPayment            | PAID        | CaseClosed        | paid in full (300.00 EUR)
            OPEN        | Settle                       | SETTLED     | CaseClosed        | settled for 250.00 EUR: hardship, agreed by phone
            IN_DUNNING  | Settle                       | SETTLED     | CaseClosed        | settled for 250.00 EUR: hardship, agreed by phone
            PROMISED    | Settle                       | SETTLED     | CaseClosed        | settled for 250.00 EUR: hardship, agreed by phone
            PLAN_ACTIVE | Settle                       | SETTLED     | CaseClosed        | settled for 250.00 EUR: hardship, agreed by phone
            DISPUTED    | Settle                       | SETTLED     | CaseClosed        | settled for 250.00 EUR: hardship, agreed by phone
            PAUSED      | Settle                       | SETTLED     | CaseClosed        | settled for 250.00 EUR: hardship, agreed by phone
            OPEN        | HandOver                     | REFUSED     |                   | cannot hand over a case that is OPEN: dunning has not started yet
            IN_DUNNING  | HandOver                     | HANDED_OVER | CaseClosed        | handed over to Inkasso Nord GmbH: dunning exhausted
            PROMISED    | HandOver                     | REFUSED     |                   | cannot hand over a case that is PROMISED: a promise to pay is pending; record it as kept or broken first
            PLAN_ACTIVE | HandOver                     | REFUSED     |                   | cannot hand over a case that is PLAN_ACTIVE: an installment plan is active; record it as completed or defaulted first
            DISPUTED    | HandOver                     | REFUSED     |                   | cannot hand over a case that is DISPUTED: a dispute is open; resolve it first
            PAUSED      | HandOver                     | REFUSED     |                   | cannot hand over a case that is PAUSED: the case is paused; resume it first
            OPEN        | WriteOff                     | WRITTEN_OFF | CaseClosed        | written off: debtor unreachable
            IN_DUNNING  | WriteOff                     | WRITTEN_OFF | CaseClosed        | written off: debtor unreachable
            PROMISED    | WriteOff                     | WRITTEN_OFF | CaseClosed        | written off: debtor unreachable
            PLAN_ACTIVE | WriteOff                     | WRITTEN_OFF | CaseClosed        | written off: debtor unreachable
            DISPUTED    | WriteOff                     | WRITTEN_OFF | CaseClosed        | written off: debtor unreachable
            PAUSED      | WriteOff                     | WRITTEN_OFF | CaseClosed        | written off: debtor unreachable
            OPEN        | Withdraw                     | CLOSED      | CaseClosed        | withdrawn by the tenant: claim booked in error
            IN_DUNNING  | Withdraw                     | CLOSED      | CaseClosed        | withdrawn by the tenant: claim booked in error
            PROMISED    | Withdraw                     | CLOSED      | CaseClosed        | withdrawn by the tenant: claim booked in error
            PLAN_ACTIVE | Withdraw                     | CLOSED      | CaseClosed        | withdrawn by the tenant: claim booked in error
            DISPUTED    | Withdraw                     | CLOSED      | CaseClosed        | withdrawn by the tenant: claim booked in error
            PAUSED      | Withdraw                     | CLOSED      | CaseClosed        | withdrawn by the tenant: claim booked in error
            OPEN        | AddClaim                     | OPEN        | ClaimAdded        | claim INV-2025-0042 (80.00 EUR) joined the case
            IN_DUNNING  | AddClaim                     | IN_DUNNING  | ClaimAdded        | claim INV-2025-0042 (80.00 EUR) joined the case
            PROMISED    | AddClaim                     | PROMISED    | ClaimAdded        | claim INV-2025-0042 (80.00 EUR) joined the case
            PLAN_ACTIVE | AddClaim                     | PLAN_ACTIVE | ClaimAdded        | claim INV-2025-0042 (80.00 EUR) joined the case
            DISPUTED    | AddClaim                     | DISPUTED    | ClaimAdded        | claim INV-2025-0042 (80.00 EUR) joined the case
            PAUSED      | AddClaim                     | PAUSED      | ClaimAdded        | claim INV-2025-0042 (80.00 EUR) joined the case
            """;

    @ParameterizedTest(name = "{0} + {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = TABLE)
    void nonTerminalStatus(CaseStatus from, String command, String outcome, String eventOrEmpty, String reasonOrMessage) {
        LifecycleResult result = CaseLifecycle.apply(from, Samples.command(command), TODAY);

        if (outcome.equals("REFUSED")) {
            Refusal refusal = assertInstanceOf(Refusal.class, result, () -> "expected a refusal, got " + result);
            assertEquals(reasonOrMessage, refusal.message());
            assertEquals(Refusal.Kind.NOT_ALLOWED_IN_STATUS, refusal.kind());
            assertEquals(from, refusal.current());
        } else {
            Transition transition = assertInstanceOf(Transition.class, result, () -> "expected a transition, got " + result);
            assertEquals(from, transition.from());
            assertEquals(CaseStatus.valueOf(outcome), transition.to());
            assertEquals(eventOrEmpty, transition.event().eventName());
            assertEquals(reasonOrMessage, transition.reason());
        }
    }

    @Test
    void tableCoversEveryNonTerminalStatusAndEverySampleCommandExactlyOnce() {
        List<String> keys = TABLE.lines().filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.split("\\|")).limit(2).map(String::strip).collect(Collectors.joining(" + ")))
                .toList();
        Set<String> expected = new HashSet<>();
        for (CaseStatus status : CaseStatus.values()) {
            if (!status.isTerminal()) {
                Samples.COMMANDS.keySet().forEach(command -> expected.add(status + " + " + command));
            }
        }
        assertEquals(keys.size(), new HashSet<>(keys).size(), "duplicate rows in the table");
        assertEquals(expected, new HashSet<>(keys));
    }

    @Test
    void samplesCoverEveryCommandType() {
        Set<Class<?>> sampled = Samples.COMMANDS.values().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(CaseCommand.class.getPermittedSubclasses()), sampled);
    }

    static Stream<Arguments> terminalCases() {
        return Arrays.stream(CaseStatus.values()).filter(CaseStatus::isTerminal)
                .flatMap(status -> Samples.COMMANDS.keySet().stream().map(command -> Arguments.of(status, command)));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("terminalCases")
    void terminalStatusesRefuseEveryCommand(CaseStatus terminal, String command) {
        CaseCommand cmd = Samples.command(command);
        Refusal refusal = assertInstanceOf(Refusal.class, CaseLifecycle.apply(terminal, cmd, TODAY));
        assertEquals(Refusal.Kind.CASE_CLOSED, refusal.kind());
        assertEquals("cannot " + cmd.action() + " a case that is " + terminal + ": the case is closed", refusal.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            HANDED_OVER | MakePromise       | cannot make a promise on a case that is HANDED_OVER: the case is closed
            PAID        | AddClaim          | cannot add a claim to a case that is PAID: the case is closed
            CLOSED      | ResolveDisputeRejected | cannot resolve a dispute on a case that is CLOSED: the case is closed
            WRITTEN_OFF | Resume            | cannot resume a case that is WRITTEN_OFF: the case is closed
            SETTLED     | RecordFullPayment | cannot record a full payment on a case that is SETTLED: the case is closed
            """)
    void terminalRefusalsReadWell(CaseStatus terminal, String command, String message) {
        Refusal refusal = assertInstanceOf(Refusal.class, CaseLifecycle.apply(terminal, Samples.command(command), TODAY));
        assertEquals(message, refusal.message());
    }

    @Test
    void onlyInDunningSendsReminders() {
        for (CaseStatus status : CaseStatus.values()) {
            assertEquals(status == CaseStatus.IN_DUNNING, CaseLifecycle.dunningActive(status), status.name());
        }
    }

    @Test
    void terminalStatuses() {
        assertEquals(List.of(CaseStatus.PAID, CaseStatus.SETTLED, CaseStatus.HANDED_OVER, CaseStatus.WRITTEN_OFF, CaseStatus.CLOSED),
                Arrays.stream(CaseStatus.values()).filter(CaseStatus::isTerminal).toList());
        assertEquals("OPEN", CaseStatus.OPEN.name()); // stored as text: the existing value keeps its spelling
    }
}
