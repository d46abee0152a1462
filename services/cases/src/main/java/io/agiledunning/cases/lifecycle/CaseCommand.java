package io.agiledunning.cases.lifecycle;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a tenant, agent, debtor event or the dunning engine asks of a case. Whether it is allowed, and
 * what it leads to, is decided by {@link CaseLifecycle#apply}. Constructors only refuse {@code null}s
 * (programming errors); everything a user can get wrong (blank reasons, past dates, non-positive amounts)
 * is answered by a {@link Refusal}.
 */
public sealed interface CaseCommand {

    /** How the command reads in a refusal: "cannot <b>make a promise on</b> a case that is …". */
    String action();

    /** Start sending reminders on a freshly placed case. */
    record StartDunning() implements CaseCommand {
        public String action() { return "start dunning on"; }
    }

    /** Dunning stop by the tenant, indefinitely or until (not including) a date. */
    record Pause(String reason, Optional<LocalDate> until) implements CaseCommand {
        public Pause {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(until, "until");
        }

        public Pause(String reason) {
            this(reason, Optional.empty());
        }

        public Pause(String reason, LocalDate until) {
            this(reason, Optional.of(until));
        }

        public String action() { return "pause"; }
    }

    /** End a pause (by the tenant, or by the engine when the until-date is reached). */
    record Resume(String reason) implements CaseCommand {
        public Resume {
            Objects.requireNonNull(reason, "reason");
        }

        public String action() { return "resume"; }
    }

    /** The debtor disputes the claim; dunning stops until the tenant resolves it. */
    record OpenDispute(String reason, String evidenceNote) implements CaseCommand {
        public OpenDispute {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(evidenceNote, "evidenceNote");
        }

        public String action() { return "open a dispute on"; }
    }

    /** The tenant's decision on an open dispute. */
    record ResolveDispute(DisputeResolution resolution, String note) implements CaseCommand {
        public ResolveDispute {
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(note, "note");
        }

        public String action() { return "resolve a dispute on"; }
    }

    /** The debtor promises to pay {@code amount} by {@code payBy}. */
    record MakePromise(LocalDate payBy, Money amount) implements CaseCommand {
        public MakePromise {
            Objects.requireNonNull(payBy, "payBy");
            Objects.requireNonNull(amount, "amount");
        }

        public String action() { return "make a promise on"; }
    }

    /**
     * The promised payment arrived. {@code outstandingAfter} is the balance left afterwards: zero ends the
     * case as PAID, anything else sends it back to dunning for the rest.
     */
    record PromiseKept(Money outstandingAfter) implements CaseCommand {
        public PromiseKept {
            Objects.requireNonNull(outstandingAfter, "outstandingAfter");
        }

        public String action() { return "record a kept promise on"; }
    }

    /** The promise date passed without the promised payment; dunning resumes. */
    record PromiseBroken(String reason) implements CaseCommand {
        public PromiseBroken {
            Objects.requireNonNull(reason, "reason");
        }

        public String action() { return "record a broken promise on"; }
    }

    /** An installment plan agreed with the debtor starts. */
    record ActivatePlan(int installments, Money installmentAmount, LocalDate firstDueOn) implements CaseCommand {
        public ActivatePlan {
            Objects.requireNonNull(installmentAmount, "installmentAmount");
            Objects.requireNonNull(firstDueOn, "firstDueOn");
        }

        public String action() { return "activate an installment plan on"; }
    }

    /** The last installment was paid: the case is PAID. */
    record PlanCompleted() implements CaseCommand {
        public String action() { return "complete an installment plan on"; }
    }

    /** An installment was missed beyond tolerance; dunning resumes. */
    record PlanDefaulted(String reason) implements CaseCommand {
        public PlanDefaulted {
            Objects.requireNonNull(reason, "reason");
        }

        public String action() { return "record a defaulted installment plan on"; }
    }

    /** The balance was paid in full (allowed even while disputed: the case ends as PAID). */
    record RecordFullPayment(Money amount) implements CaseCommand {
        public RecordFullPayment {
            Objects.requireNonNull(amount, "amount");
        }

        public String action() { return "record a full payment on"; }
    }

    /** The tenant accepted a (lower) amount in full and final settlement. */
    record Settle(Money agreedAmount, String reason) implements CaseCommand {
        public Settle {
            Objects.requireNonNull(agreedAmount, "agreedAmount");
            Objects.requireNonNull(reason, "reason");
        }

        public String action() { return "settle"; }
    }

    /** Hand the case over to a collection agency or lawyer; only after dunning, never while disputed. */
    record HandOver(String recipient, String reason) implements CaseCommand {
        public HandOver {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(reason, "reason");
        }

        public String action() { return "hand over"; }
    }

    /** The tenant gives the claim up. */
    record WriteOff(String reason) implements CaseCommand {
        public WriteOff {
            Objects.requireNonNull(reason, "reason");
        }

        public String action() { return "write off"; }
    }

    /** The tenant withdraws the case: it ends as CLOSED. */
    record Withdraw(String reason) implements CaseCommand {
        public Withdraw {
            Objects.requireNonNull(reason, "reason");
        }

        public String action() { return "withdraw"; }
    }

    /** A new claim of the same debtor joins the case; the status does not change. */
    record AddClaim(String claimReference, Money amount) implements CaseCommand {
        public AddClaim {
            Objects.requireNonNull(claimReference, "claimReference");
            Objects.requireNonNull(amount, "amount");
        }

        public String action() { return "add a claim to"; }
    }
}
