package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts about one payment claim that the law looks at. Immutable; the {@code with…} methods return copies.
 *
 * @param arose                   the day the claim arose; the creditor is taken to know of it that day (§ 199(1) no. 2)
 * @param invoiceReceived         when the debtor received the invoice; empty if unknown (then § 286(3) cannot apply)
 * @param consumerNoticeOnInvoice whether the invoice pointed out the consequence of § 286(3) to a consumer
 * @param calendarDateFixed       whether the due date was fixed by the calendar (§ 286(2) no. 1)
 * @param reminders               the reminders sent about the claim, oldest first
 */
public record Claim(
        String id,
        Money principal,
        LocalDate arose,
        LocalDate dueDate,
        Optional<LocalDate> invoiceReceived,
        DebtorKind debtor,
        boolean consumerNoticeOnInvoice,
        boolean calendarDateFixed,
        List<Reminder> reminders,
        InterestClaim interestClaim,
        AllocationOrder allocationOrder) {

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(arose, "arose");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(invoiceReceived, "invoiceReceived");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(interestClaim, "interestClaim");
        Objects.requireNonNull(allocationOrder, "allocationOrder");
        reminders = List.copyOf(reminders);
        if (principal.isNegative() || principal.isZero()) {
            throw new IllegalArgumentException("principal must be positive, got " + principal);
        }
        for (int i = 1; i < reminders.size(); i++) {
            if (reminders.get(i).sentOn().isBefore(reminders.get(i - 1).sentOn())) {
                throw new IllegalArgumentException("reminders must be in date order: " + reminders);
            }
        }
    }

    /** A claim with the common defaults: invoice received on the day it arose, no notice, no calendar date, no reminders. */
    public static Claim of(String id, Money principal, LocalDate arose, LocalDate dueDate, DebtorKind debtor) {
        return new Claim(id, principal, arose, dueDate, Optional.of(arose), debtor, false, false, List.of(),
                InterestClaim.statutory(), AllocationOrder.COSTS_INTEREST_PRINCIPAL);
    }

    public Claim withInvoiceReceived(LocalDate received) {
        return new Claim(id, principal, arose, dueDate, Optional.ofNullable(received), debtor, consumerNoticeOnInvoice,
                calendarDateFixed, reminders, interestClaim, allocationOrder);
    }

    public Claim withConsumerNotice(boolean notice) {
        return new Claim(id, principal, arose, dueDate, invoiceReceived, debtor, notice, calendarDateFixed, reminders,
                interestClaim, allocationOrder);
    }

    public Claim withCalendarDateFixed(boolean fixed) {
        return new Claim(id, principal, arose, dueDate, invoiceReceived, debtor, consumerNoticeOnInvoice, fixed, reminders,
                interestClaim, allocationOrder);
    }

    /** Reminders costing the tenant's flat reminder fee. */
    public Claim withReminders(LocalDate... sentOn) {
        return withReminders(Arrays.stream(sentOn).map(Reminder::at).toList());
    }

    public Claim withReminders(List<Reminder> sent) {
        return new Claim(id, principal, arose, dueDate, invoiceReceived, debtor, consumerNoticeOnInvoice,
                calendarDateFixed, sent, interestClaim, allocationOrder);
    }

    /** The days reminders were sent, oldest first. */
    public List<LocalDate> reminderDays() {
        return reminders.stream().map(Reminder::sentOn).toList();
    }

    public Claim withInterestClaim(InterestClaim claim) {
        return new Claim(id, principal, arose, dueDate, invoiceReceived, debtor, consumerNoticeOnInvoice,
                calendarDateFixed, reminders, claim, allocationOrder);
    }

    public Claim withAllocationOrder(AllocationOrder order) {
        return new Claim(id, principal, arose, dueDate, invoiceReceived, debtor, consumerNoticeOnInvoice,
                calendarDateFixed, reminders, interestClaim, order);
    }
}
