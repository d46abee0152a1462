package io.agiledunning.cases.dunning.engine;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.cases.dunning.guardrails.Recipient;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.lifecycle.CaseCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a strategy would do to a case from {@code from} on, if every contact goes out and the debtor does not
 * react: the decider run forward on its own answers ("next 5 actions with dates"). Pure.
 */
public final class DunningPreview {

    private static final int MAX_DECISIONS = 1_000;

    private DunningPreview() {
    }

    public static List<PlannedAction> next(int count, CaseFacts facts, Strategy strategy, Progress progress, Recipient recipient,
                                           ContactPolicy policy, Instant from) {
        List<PlannedAction> actions = new ArrayList<>();
        List<Instant> contacts = new ArrayList<>(recipient.contacts());
        Instant now = from;
        for (int i = 0; i < MAX_DECISIONS && actions.size() < count; i++) {
            Recipient current = new Recipient(recipient.zone(), recipient.state(), recipient.reachable(), recipient.optedOut(), contacts);
            Decision decision = DunningDecider.decide(facts, strategy, progress, current, policy, now);
            switch (decision) {
                case Decision.Contact c -> {
                    actions.add(new PlannedAction(now, c.step().key(), c.channel().channel().name(), c.channel().template(), c.fee(),
                            null, c.reasons()));
                    contacts.add(now);
                    progress = progress.contacted(now.atZone(recipient.zone()).toLocalDate(), c.step().isReaction());
                }
                case Decision.Wait w -> now = w.until();
                case Decision.Command c when c.command() instanceof CaseCommand.StartDunning -> {
                    facts = facts.withStatus(CaseStatus.IN_DUNNING);
                    progress = progress.started(now.atZone(recipient.zone()).toLocalDate());
                }
                case Decision.Command c -> {
                    actions.add(new PlannedAction(now, null, null, null, null, c.command().action(), c.reasons()));
                    return actions;
                }
                case Decision.Finished f -> {
                    return actions;
                }
            }
        }
        return actions;
    }

}
