package io.agiledunning.cases.api;

import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.lifecycle.DisputeResolution;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The body of {@code POST /api/cases/{id}/commands}: {@code type} names the command, the other fields are
 * its data (the names of {@link CaseCommand}'s records). Missing fields a command needs are VALIDATION
 * errors naming the field; everything else (blank reasons, past dates, …) is judged by the lifecycle.
 */
public record CaseCommandRequest(
        Type type,
        String reason,
        LocalDate until,
        String evidenceNote,
        DisputeResolution resolution,
        String note,
        LocalDate payBy,
        Money amount,
        Money outstandingAfter,
        Integer installments,
        Money installmentAmount,
        LocalDate firstDueOn,
        Money agreedAmount,
        String recipient,
        String claimReference) {

    public enum Type {
        START_DUNNING, PAUSE, RESUME, OPEN_DISPUTE, RESOLVE_DISPUTE, MAKE_PROMISE, PROMISE_KEPT, PROMISE_BROKEN,
        ACTIVATE_PLAN, PLAN_COMPLETED, PLAN_DEFAULTED, RECORD_FULL_PAYMENT, SETTLE, HAND_OVER, WRITE_OFF, WITHDRAW,
        ADD_CLAIM
    }

    public CaseCommand toCommand() {
        return switch (required("type", type)) {
            case START_DUNNING -> new CaseCommand.StartDunning();
            case PAUSE -> new CaseCommand.Pause(required("reason", reason), Optional.ofNullable(until));
            case RESUME -> new CaseCommand.Resume(required("reason", reason));
            case OPEN_DISPUTE -> new CaseCommand.OpenDispute(required("reason", reason), evidenceNote == null ? "" : evidenceNote);
            case RESOLVE_DISPUTE -> new CaseCommand.ResolveDispute(required("resolution", resolution), required("note", note));
            case MAKE_PROMISE -> new CaseCommand.MakePromise(required("payBy", payBy), required("amount", amount));
            case PROMISE_KEPT -> new CaseCommand.PromiseKept(required("outstandingAfter", outstandingAfter));
            case PROMISE_BROKEN -> new CaseCommand.PromiseBroken(required("reason", reason));
            case ACTIVATE_PLAN -> new CaseCommand.ActivatePlan(required("installments", installments),
                    required("installmentAmount", installmentAmount), required("firstDueOn", firstDueOn));
            case PLAN_COMPLETED -> new CaseCommand.PlanCompleted();
            case PLAN_DEFAULTED -> new CaseCommand.PlanDefaulted(required("reason", reason));
            case RECORD_FULL_PAYMENT -> new CaseCommand.RecordFullPayment(required("amount", amount));
            case SETTLE -> new CaseCommand.Settle(required("agreedAmount", agreedAmount), required("reason", reason));
            case HAND_OVER -> new CaseCommand.HandOver(required("recipient", recipient), required("reason", reason));
            case WRITE_OFF -> new CaseCommand.WriteOff(required("reason", reason));
            case WITHDRAW -> new CaseCommand.Withdraw(required("reason", reason));
            case ADD_CLAIM -> new CaseCommand.AddClaim(required("claimReference", claimReference), required("amount", amount));
        };
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        return value;
    }
}
