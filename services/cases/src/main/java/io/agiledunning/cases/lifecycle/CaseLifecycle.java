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

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static io.agiledunning.cases.CaseStatus.CLOSED;
import static io.agiledunning.cases.CaseStatus.DISPUTED;
import static io.agiledunning.cases.CaseStatus.HANDED_OVER;
import static io.agiledunning.cases.CaseStatus.IN_DUNNING;
import static io.agiledunning.cases.CaseStatus.OPEN;
import static io.agiledunning.cases.CaseStatus.PAID;
import static io.agiledunning.cases.CaseStatus.PAUSED;
import static io.agiledunning.cases.CaseStatus.PLAN_ACTIVE;
import static io.agiledunning.cases.CaseStatus.PROMISED;
import static io.agiledunning.cases.CaseStatus.SETTLED;
import static io.agiledunning.cases.CaseStatus.WRITTEN_OFF;

/**
 * The case lifecycle as a pure function: given the current status, a command and today's date, either the
 * transition to record or a refusal with a message fit for the user. No I/O, no clock: the caller passes
 * {@code today} (the date in the debtor's/tenant's time zone) and persists the result.
 *
 * <p>Terminal statuses ({@link CaseStatus#isTerminal()}) refuse every command. Guards check the status first,
 * then the command's data.
 */
public final class CaseLifecycle {

    private static final Set<CaseStatus> PAUSABLE = EnumSet.of(OPEN, IN_DUNNING);
    private static final Set<CaseStatus> DISPUTABLE = EnumSet.of(OPEN, IN_DUNNING, PROMISED, PLAN_ACTIVE, PAUSED);
    private static final Set<CaseStatus> PROMISABLE = EnumSet.of(OPEN, IN_DUNNING);
    private static final Set<CaseStatus> PLANNABLE = EnumSet.of(OPEN, IN_DUNNING, PROMISED);

    private CaseLifecycle() {
    }

    /** Whether reminders go out for a case in this status: only while {@code IN_DUNNING}. */
    public static boolean dunningActive(CaseStatus status) {
        return Objects.requireNonNull(status, "status") == IN_DUNNING;
    }

    /**
     * Decides {@code command} on a case in status {@code current}.
     *
     * @param today the current date where the case is worked, for the date guards (promise and plan dates
     *              must not be in the past, a pause must end after today)
     */
    public static LifecycleResult apply(CaseStatus current, CaseCommand command, LocalDate today) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(today, "today");
        if (current.isTerminal()) {
            return refuse(current, command, Refusal.Kind.CASE_CLOSED, "the case is closed");
        }
        return switch (command) {
            case StartDunning c -> switch (current) {
                case OPEN -> move(current, IN_DUNNING, CaseEventType.CASE_STATUS_CHANGED, "dunning started");
                case IN_DUNNING -> notAllowed(current, c, "dunning is already running");
                default -> blocked(current, c);
            };
            case Pause c -> {
                if (!PAUSABLE.contains(current)) {
                    yield current == PAUSED ? notAllowed(current, c, "the case is already paused") : blocked(current, c);
                }
                if (c.reason().isBlank()) {
                    yield invalid(current, c, "a reason is required");
                }
                if (c.until().isPresent() && !c.until().get().isAfter(today)) {
                    yield invalid(current, c, "the pause must end after today (%s), got %s".formatted(today, c.until().get()));
                }
                yield move(current, PAUSED, CaseEventType.CASE_PAUSED,
                        c.until().map(until -> "paused until " + until).orElse("paused") + ": " + c.reason().strip());
            }
            case Resume c -> {
                if (current != PAUSED) {
                    yield notAllowed(current, c, "only a PAUSED case can be resumed");
                }
                if (c.reason().isBlank()) {
                    yield invalid(current, c, "a reason is required");
                }
                yield move(current, IN_DUNNING, CaseEventType.CASE_RESUMED, "resumed: " + c.reason().strip());
            }
            case OpenDispute c -> {
                if (!DISPUTABLE.contains(current)) {
                    yield current == DISPUTED ? notAllowed(current, c, "a dispute is already open") : blocked(current, c);
                }
                if (c.reason().isBlank()) {
                    yield invalid(current, c, "a reason is required");
                }
                String evidence = c.evidenceNote().isBlank() ? "" : " (evidence: " + c.evidenceNote().strip() + ")";
                yield move(current, DISPUTED, CaseEventType.DISPUTE_OPENED, "dispute opened: " + c.reason().strip() + evidence);
            }
            case ResolveDispute c -> {
                if (current != DISPUTED) {
                    yield notAllowed(current, c, "no dispute is open");
                }
                if (c.note().isBlank()) {
                    yield invalid(current, c, "a note on the decision is required");
                }
                String outcome = switch (c.resolution()) {
                    case REJECTED -> "dispute rejected, dunning resumes";
                    case UPHELD_CLOSE -> "dispute upheld, case closed";
                    case UPHELD_WRITE_OFF -> "dispute upheld, claim written off";
                };
                yield move(current, c.resolution().leadsTo(), CaseEventType.DISPUTE_RESOLVED, outcome + ": " + c.note().strip());
            }
            case MakePromise c -> {
                if (!PROMISABLE.contains(current)) {
                    yield current == PROMISED ? notAllowed(current, c, "a promise to pay is already pending") : blocked(current, c);
                }
                if (c.payBy().isBefore(today)) {
                    yield invalid(current, c, "the promise date %s is in the past (today is %s)".formatted(c.payBy(), today));
                }
                if (!positive(c.amount())) {
                    yield invalid(current, c, "the promised amount must be positive, got " + c.amount());
                }
                yield move(current, PROMISED, CaseEventType.PROMISE_MADE, "promise to pay %s by %s".formatted(c.amount(), c.payBy()));
            }
            case PromiseKept c -> {
                if (current != PROMISED) {
                    yield notAllowed(current, c, "no promise to pay is pending");
                }
                if (c.outstandingAfter().isNegative()) {
                    yield invalid(current, c, "the outstanding balance must not be negative, got " + c.outstandingAfter());
                }
                yield c.outstandingAfter().isZero()
                        ? move(current, PAID, CaseEventType.PROMISE_KEPT, "promise kept, paid in full")
                        : move(current, IN_DUNNING, CaseEventType.PROMISE_KEPT,
                        "promise kept, %s still outstanding; dunning resumes".formatted(c.outstandingAfter()));
            }
            case PromiseBroken c -> {
                if (current != PROMISED) {
                    yield notAllowed(current, c, "no promise to pay is pending");
                }
                if (c.reason().isBlank()) {
                    yield invalid(current, c, "a reason is required");
                }
                yield move(current, IN_DUNNING, CaseEventType.PROMISE_BROKEN, "promise broken, dunning resumes: " + c.reason().strip());
            }
            case ActivatePlan c -> {
                if (!PLANNABLE.contains(current)) {
                    yield current == PLAN_ACTIVE ? notAllowed(current, c, "an installment plan is already active") : blocked(current, c);
                }
                if (c.installments() < 2) {
                    yield invalid(current, c, "an installment plan needs at least 2 installments, got " + c.installments());
                }
                if (!positive(c.installmentAmount())) {
                    yield invalid(current, c, "the installment amount must be positive, got " + c.installmentAmount());
                }
                if (c.firstDueOn().isBefore(today)) {
                    yield invalid(current, c, "the first installment date %s is in the past (today is %s)".formatted(c.firstDueOn(), today));
                }
                yield move(current, PLAN_ACTIVE, CaseEventType.PLAN_ACTIVATED, "installment plan activated: %d installments of %s from %s"
                        .formatted(c.installments(), c.installmentAmount(), c.firstDueOn()));
            }
            case PlanCompleted c -> current == PLAN_ACTIVE
                    ? move(current, PAID, CaseEventType.PLAN_COMPLETED, "installment plan completed, paid in full")
                    : notAllowed(current, c, "no installment plan is active");
            case PlanDefaulted c -> {
                if (current != PLAN_ACTIVE) {
                    yield notAllowed(current, c, "no installment plan is active");
                }
                if (c.reason().isBlank()) {
                    yield invalid(current, c, "a reason is required");
                }
                yield move(current, IN_DUNNING, CaseEventType.PLAN_DEFAULTED, "installment plan defaulted, dunning resumes: " + c.reason().strip());
            }
            case RecordFullPayment c -> positive(c.amount())
                    ? move(current, PAID, CaseEventType.CASE_CLOSED, "paid in full (%s)".formatted(c.amount()))
                    : invalid(current, c, "the payment must be positive, got " + c.amount());
            case Settle c -> {
                if (!positive(c.agreedAmount())) {
                    yield invalid(current, c, "the agreed amount must be positive, got " + c.agreedAmount());
                }
                if (c.reason().isBlank()) {
                    yield invalid(current, c, "a reason is required");
                }
                yield move(current, SETTLED, CaseEventType.CASE_CLOSED, "settled for %s: %s".formatted(c.agreedAmount(), c.reason().strip()));
            }
            case HandOver c -> {
                if (current != IN_DUNNING) {
                    yield blocked(current, c);
                }
                if (c.recipient().isBlank()) {
                    yield invalid(current, c, "the recipient is required");
                }
                if (c.reason().isBlank()) {
                    yield invalid(current, c, "a reason is required");
                }
                yield move(current, HANDED_OVER, CaseEventType.CASE_CLOSED, "handed over to %s: %s".formatted(c.recipient().strip(), c.reason().strip()));
            }
            case WriteOff c -> c.reason().isBlank()
                    ? invalid(current, c, "a reason is required")
                    : move(current, WRITTEN_OFF, CaseEventType.CASE_CLOSED, "written off: " + c.reason().strip());
            case Withdraw c -> c.reason().isBlank()
                    ? invalid(current, c, "a reason is required")
                    : move(current, CLOSED, CaseEventType.CASE_CLOSED, "withdrawn by the tenant: " + c.reason().strip());
            case AddClaim c -> {
                if (c.claimReference().isBlank()) {
                    yield invalid(current, c, "the claim reference is required");
                }
                if (!positive(c.amount())) {
                    yield invalid(current, c, "the claim amount must be positive, got " + c.amount());
                }
                yield move(current, current, CaseEventType.CLAIM_ADDED, "claim %s (%s) joined the case".formatted(c.claimReference().strip(), c.amount()));
            }
        };
    }

    private static boolean positive(Money amount) {
        return !amount.isNegative() && !amount.isZero();
    }

    private static Transition move(CaseStatus from, CaseStatus to, CaseEventType event, String reason) {
        return new Transition(from, to, event, reason);
    }

    /** The command needs a status the case is not in, for a reason that belongs to the command. */
    private static Refusal notAllowed(CaseStatus current, CaseCommand command, String why) {
        return refuse(current, command, Refusal.Kind.NOT_ALLOWED_IN_STATUS, why);
    }

    /** The current status stands in the way; the message says what has to happen first. */
    private static Refusal blocked(CaseStatus current, CaseCommand command) {
        String why = switch (current) {
            case OPEN -> "dunning has not started yet";
            case IN_DUNNING -> "dunning is running";
            case PROMISED -> "a promise to pay is pending; record it as kept or broken first";
            case PLAN_ACTIVE -> "an installment plan is active; record it as completed or defaulted first";
            case DISPUTED -> "a dispute is open; resolve it first";
            case PAUSED -> "the case is paused; resume it first";
            case PAID, SETTLED, HANDED_OVER, WRITTEN_OFF, CLOSED -> "the case is closed";
        };
        return notAllowed(current, command, why);
    }

    private static Refusal invalid(CaseStatus current, CaseCommand command, String why) {
        return refuse(current, command, Refusal.Kind.INVALID_INPUT, why);
    }

    private static Refusal refuse(CaseStatus current, CaseCommand command, Refusal.Kind kind, String why) {
        return new Refusal(current, kind, "cannot %s a case that is %s: %s".formatted(command.action(), current, why));
    }
}
