package io.agiledunning.cases.dunning.engine;

import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.cases.dunning.guardrails.GuardrailVerdict;
import io.agiledunning.cases.dunning.guardrails.Guardrails;
import io.agiledunning.cases.dunning.guardrails.Recipient;
import io.agiledunning.cases.dunning.strategy.ChannelTemplate;
import io.agiledunning.cases.dunning.strategy.EndRule;
import io.agiledunning.cases.dunning.strategy.Step;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dunning decision as a pure function of (case, strategy, progress, recipient, policy, now). No I/O, no
 * clock. Days are local days in the debtor's time zone; a step due on a day is planned for the policy's
 * preferred time that day, so DST changes neither skip nor double a day.
 *
 * <p>Order of precedence: an ended case leaves the schedule; dunning stops (deceased, insolvency, dispute, pause,
 * promise pending, plan in good standing, nothing outstanding) hold it; at the horizon the end rule applies; then
 * a pending reaction step (broken promise, missed installment); then the next ordered step, sent on the first
 * channel the guardrails allow.
 */
public final class DunningDecider {

    /** Grace after a promised date before the promise counts as broken (bank transfers take a day). */
    public static final int PROMISE_GRACE_DAYS = 2;

    private DunningDecider() {
    }

    public static Decision decide(CaseFacts facts, Strategy strategy, Progress progress, Recipient recipient,
                                  ContactPolicy policy, Instant now) {
        LocalDate today = now.atZone(recipient.zone()).toLocalDate();
        Instant recheck = at(today.plusDays(1), recipient, policy);
        if (facts.status().isTerminal()) {
            return new Decision.Finished(List.of("the case is " + facts.status()));
        }
        if (facts.deceased()) {
            return new Decision.Wait(recheck, true, List.of("dunning stop: the debtor is deceased"));
        }
        if (facts.insolvency()) {
            return new Decision.Wait(recheck, true, List.of("dunning stop: insolvency proceedings against the debtor"));
        }
        return switch (facts.status()) {
            case OPEN -> new Decision.Command(new CaseCommand.StartDunning(),
                    List.of("dunning starts with strategy '%s'".formatted(strategy.key())));
            case DISPUTED -> new Decision.Wait(recheck, true, List.of("dunning stop: the claim is disputed"));
            case PLAN_ACTIVE -> new Decision.Wait(recheck, true, List.of("dunning stop: installment plan in good standing"));
            case PAUSED -> paused(facts, today, recheck, recipient, policy);
            case PROMISED -> promised(facts, today, recipient, policy);
            case IN_DUNNING -> dunning(facts, strategy, progress, recipient, policy, now, today, recheck);
            default -> throw new IllegalStateException("unhandled status " + facts.status());
        };
    }

    private static Decision paused(CaseFacts facts, LocalDate today, Instant recheck, Recipient recipient, ContactPolicy policy) {
        if (facts.pausedUntil() == null) {
            return new Decision.Wait(recheck, true, List.of("dunning stop: the case is paused"));
        }
        if (!today.isBefore(facts.pausedUntil())) {
            return new Decision.Command(new CaseCommand.Resume("the pause ended on " + facts.pausedUntil()),
                    List.of("the pause ended on " + facts.pausedUntil()));
        }
        return new Decision.Wait(at(facts.pausedUntil(), recipient, policy), true,
                List.of("dunning stop: the case is paused until " + facts.pausedUntil()));
    }

    private static Decision promised(CaseFacts facts, LocalDate today, Recipient recipient, ContactPolicy policy) {
        LocalDate broken = facts.promisePayBy().plusDays(PROMISE_GRACE_DAYS + 1);
        if (!today.isBefore(broken)) {
            return new Decision.Command(new CaseCommand.PromiseBroken(
                    "no payment by the promised date %s (%d days' grace)".formatted(facts.promisePayBy(), PROMISE_GRACE_DAYS)),
                    List.of("the promise to pay by %s was not kept".formatted(facts.promisePayBy())));
        }
        return new Decision.Wait(at(broken, recipient, policy), true,
                List.of("dunning stop: promise to pay by %s pending".formatted(facts.promisePayBy())));
    }

    private static Decision dunning(CaseFacts facts, Strategy strategy, Progress progress, Recipient recipient, ContactPolicy policy,
                                    Instant now, LocalDate today, Instant recheck) {
        if (facts.outstanding().isZero()) {
            return new Decision.Wait(recheck, true, List.of("no contact after payment in full: nothing is outstanding"));
        }
        LocalDate startedOn = progress.startedOn() == null ? today : progress.startedOn();
        EndRule end = strategy.end();
        LocalDate endsOn = startedOn.plusDays(end.horizonDays());
        if (!today.isBefore(endsOn)) {
            return ending(facts, strategy, end);
        }
        Optional<Planned> planned = next(facts, strategy, progress, startedOn);
        if (planned.isEmpty() || !planned.get().on().isBefore(endsOn)) {
            return new Decision.Wait(at(endsOn, recipient, policy), false,
                    List.of("%s on %s, %d days after the start".formatted(endName(facts, end), endsOn, end.horizonDays())));
        }
        Planned step = planned.get();
        Instant due = at(step.on(), recipient, policy);
        if (now.isBefore(due)) {
            return new Decision.Wait(due, false, List.of("step '%s' due on %s (%s)".formatted(step.step().key(), step.on(), step.why())));
        }
        return contact(facts, strategy, progress, recipient, policy, now, step);
    }

    private static Decision contact(CaseFacts facts, Strategy strategy, Progress progress, Recipient recipient, ContactPolicy policy,
                                    Instant now, Planned planned) {
        Step step = planned.step();
        List<String> timeReasons = Guardrails.timeReasons(now, recipient, policy);
        if (!timeReasons.isEmpty()) {
            Instant next = Guardrails.nextAllowed(now, recipient, policy);
            List<String> reasons = new ArrayList<>(timeReasons);
            Guardrails.skippedDays(now, next, recipient, policy).forEach(day -> reasons.add("then " + day));
            return new Decision.Wait(next, true, prefixed("step '%s' held back: ".formatted(step.key()), reasons));
        }
        Set<String> skipped = new LinkedHashSet<>();
        for (ChannelTemplate channel : step.channels()) {
            GuardrailVerdict verdict = Guardrails.check(now, channel.channel(), recipient, policy);
            if (verdict.allowed()) {
                List<String> reasons = new ArrayList<>();
                reasons.add("step '%s' due on %s (%s), sent by %s".formatted(step.key(), planned.on(), planned.why(), channel.channel()));
                skipped.forEach(reason -> reasons.add("fallback: " + reason));
                return new Decision.Contact(step, channel, fee(facts, step, progress), progress.contactsSent() + 1, reasons);
            }
            skipped.addAll(verdict.reasons());
        }
        List<String> reasons = new ArrayList<>(prefixed("step '%s' cannot be sent: ".formatted(step.key()), List.copyOf(skipped)));
        return new Decision.Command(new CaseCommand.Pause("manual review: no permitted channel for step '%s' (%s)"
                .formatted(step.key(), String.join("; ", skipped))), reasons);
    }

    /**
     * The fee a contact announces: the step's (or the tenant's flat fee), except on a case's first contact — the
     * reminder that may put the debtor in default is never charged (§ 286 BGB), so it never names a fee.
     */
    private static Money fee(CaseFacts facts, Step step, Progress progress) {
        String currency = facts.outstanding().currency().getCurrencyCode();
        return progress.contactsSent() == 0 ? Money.zero(currency) : step.fee(currency, facts.reminderFee());
    }

    private static Decision ending(CaseFacts facts, Strategy strategy, EndRule end) {
        String currency = facts.outstanding().currency().getCurrencyCode();
        Optional<Money> threshold = end.writeOffBelow(currency);
        if (threshold.isPresent() && facts.outstanding().compareTo(threshold.get()) < 0) {
            String why = "%s outstanding is below the write-off threshold %s at the end of strategy '%s'"
                    .formatted(facts.outstanding(), threshold.get(), strategy.key());
            return new Decision.Command(new CaseCommand.WriteOff(why), List.of(why));
        }
        String why = "strategy '%s' ended after %d days with %s outstanding".formatted(strategy.key(), end.horizonDays(), facts.outstanding());
        return switch (end.action()) {
            case HAND_OVER -> new Decision.Command(new CaseCommand.HandOver(end.agency(), why), List.of(why + "; handed over"));
            case MANUAL_REVIEW -> new Decision.Command(new CaseCommand.Pause("manual review: " + why), List.of(why + "; paused for review"));
        };
    }

    private static String endName(CaseFacts facts, EndRule end) {
        return switch (end.action()) {
            case HAND_OVER -> "handover to " + end.agency();
            case MANUAL_REVIEW -> "manual review";
        };
    }

    /** The step to send next and its local due day. */
    static Optional<Planned> next(CaseFacts facts, Strategy strategy, Progress progress, LocalDate startedOn) {
        if (progress.pendingReaction().isPresent()) {
            Progress.Reaction reaction = progress.pendingReaction().get();
            Optional<Step> step = strategy.reactionTo(reaction.kind());
            if (step.isPresent()) {
                return Optional.of(new Planned(step.get(), reaction.on().plusDays(step.get().trigger().days()),
                        "%d days after %s on %s".formatted(step.get().trigger().days(), reactionName(reaction), reaction.on())));
            }
        }
        List<Step> ordered = strategy.orderedSteps();
        if (progress.nextStep() >= ordered.size()) {
            return Optional.empty();
        }
        Step step = ordered.get(progress.nextStep());
        int days = step.trigger().days();
        LocalDate on;
        String why;
        switch (step.trigger().kind()) {
            case AFTER_START -> {
                on = startedOn.plusDays(days);
                why = "%d days after the start on %s".formatted(days, startedOn);
            }
            case DAYS_PAST_DUE -> {
                LocalDate dueDate = facts.oldestDueDate() == null ? startedOn : facts.oldestDueDate();
                on = dueDate.plusDays(days);
                why = "%d days past the due date %s".formatted(days, dueDate);
            }
            case AFTER_PREVIOUS -> {
                LocalDate anchor = progress.lastContactOn().orElse(startedOn);
                why = "%d days after %s".formatted(days, progress.lastContactOn().map(d -> "the last contact on " + d)
                        .orElse("the start on " + startedOn));
                if (progress.lastPaymentOn().isPresent() && progress.lastPaymentOn().get().isAfter(anchor)) {
                    anchor = progress.lastPaymentOn().get();
                    why = "%d days after the partial payment on %s".formatted(days, anchor);
                }
                on = anchor.plusDays(days);
            }
            default -> throw new IllegalStateException("a reaction is not an ordered step: " + step.key());
        }
        if (on.isBefore(startedOn)) {
            on = startedOn;
        }
        return Optional.of(new Planned(step, on, why));
    }

    private static String reactionName(Progress.Reaction reaction) {
        return switch (reaction.kind()) {
            case AFTER_BROKEN_PROMISE -> "the broken promise";
            case AFTER_MISSED_INSTALLMENT -> "the missed installment";
            default -> reaction.kind().name();
        };
    }

    /** The instant a step due on a local day is planned for: the policy's preferred time that day in the debtor's zone. */
    public static Instant at(LocalDate day, Recipient recipient, ContactPolicy policy) {
        return ZonedDateTime.of(LocalDateTime.of(day, policy.preferredTime()), recipient.zone()).toInstant();
    }

    private static List<String> prefixed(String prefix, List<String> reasons) {
        return reasons.stream().map(reason -> prefix + reason).toList();
    }

    record Planned(Step step, LocalDate on, String why) {
    }
}
