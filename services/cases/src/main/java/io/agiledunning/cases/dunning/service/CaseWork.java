package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.dunning.DunningSchedule;
import io.agiledunning.cases.dunning.engine.CaseFacts;
import io.agiledunning.cases.dunning.engine.Progress;
import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.dunning.guardrails.Recipient;
import io.agiledunning.cases.dunning.strategy.Channel;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.TriggerKind;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Everything the engine loaded for one case in its tenant transaction, and the progress it makes there. */
final class CaseWork {

    final Mutiny.Session session;
    final TenantId tenant;
    final Case theCase;
    final Debtor debtor;
    final DunningSchedule schedule;
    final Strategy strategy;
    final java.time.LocalDate oldestDueDate;
    final List<Instant> contacts;
    final Instant now;
    final ZoneId zone;
    /** The tenant's contact policy. */
    final ContactPolicy policy;
    /** The tenant's flat reminder fee, for steps without a fee of their own. */
    final Money reminderFee;
    Progress progress;

    CaseWork(Mutiny.Session session, TenantId tenant, Case theCase, Debtor debtor, DunningSchedule schedule, Strategy strategy,
             LocalDate oldestDueDate, List<Instant> contacts, Instant now, TenantTerms terms) {
        this.session = session;
        this.tenant = tenant;
        this.theCase = theCase;
        this.debtor = debtor;
        this.schedule = schedule;
        this.strategy = strategy;
        this.oldestDueDate = oldestDueDate;
        this.contacts = new ArrayList<>(contacts);
        this.now = now;
        this.zone = zoneOf(debtor, terms.policy());
        this.policy = terms.policy();
        this.reminderFee = terms.reminderFee();
        this.progress = schedule.progress();
    }

    LocalDate today() {
        return now.atZone(zone).toLocalDate();
    }

    CaseFacts facts() {
        return new CaseFacts(theCase.status(), theCase.outstanding(), oldestDueDate, theCase.pausedUntil(), theCase.promisePayBy(),
                debtor != null && debtor.deceased(), debtor != null && debtor.insolvency(), reminderFee);
    }

    /**
     * Why the engine must leave the debtor alone whatever the case says, if so: the tenant restricted the processing of
     * the debtor's data (Art. 18 GDPR) or erased it (Art. 17). Checked before the decider: no contact, no lifecycle step.
     */
    java.util.Optional<String> dataProtectionStop() {
        if (debtor == null || theCase.status().isTerminal()) {
            return java.util.Optional.empty();
        }
        if (debtor.erased()) {
            return java.util.Optional.of("dunning stop: the debtor's personal data was erased (Art. 17 GDPR)");
        }
        if (debtor.restricted()) {
            return java.util.Optional.of("dunning stop: processing of the debtor's data is restricted (Art. 18 GDPR) since "
                    + debtor.restrictedAt().atZone(zone).toLocalDate());
        }
        return java.util.Optional.empty();
    }

    Recipient recipient() {
        if (debtor == null) {
            return new Recipient(zone, null, Set.of(), Set.of(), contacts);
        }
        Set<Channel> reachable = EnumSet.noneOf(Channel.class);
        if (!debtor.emails().isEmpty()) {
            reachable.add(Channel.EMAIL);
        }
        if (!debtor.phones().isEmpty()) {
            reachable.add(Channel.SMS);
        }
        if (debtor.address().complete()) {
            reachable.add(Channel.LETTER);
        }
        Set<Channel> optedOut = EnumSet.noneOf(Channel.class);
        for (String channel : debtor.optedOutChannels()) {
            for (Channel c : Channel.values()) {
                if (c.name().equalsIgnoreCase(channel)) {
                    optedOut.add(c);
                }
            }
        }
        return new Recipient(zone, GermanState.parse(debtor.germanState()).orElse(null), reachable, optedOut, contacts);
    }

    /**
     * Notices what changed on the case since the engine last looked: a payment that lowered the balance (a partial
     * payment, counted from today), or a return to dunning from a promise or a plan (broken promise, missed installment).
     */
    void observe() {
        long outstanding = theCase.outstanding().minorUnits();
        Long seen = schedule.observedOutstandingMinor();
        boolean paid = seen != null && outstanding < seen;
        if (paid && outstanding > 0) {
            progress = progress.paidPartly(today());
        }
        CaseStatus before = schedule.observedStatus() == null ? null : CaseStatus.valueOf(schedule.observedStatus());
        if (theCase.status() == CaseStatus.IN_DUNNING && !paid) {
            LocalDate on = theCase.statusChangedAt() == null ? today() : theCase.statusChangedAt().atZone(zone).toLocalDate();
            if (before == CaseStatus.PROMISED) {
                progress = progress.reacting(new Progress.Reaction(TriggerKind.AFTER_BROKEN_PROMISE, on));
            } else if (before == CaseStatus.PLAN_ACTIVE) {
                progress = progress.reacting(new Progress.Reaction(TriggerKind.AFTER_MISSED_INSTALLMENT, on));
            }
        }
        schedule.observed(theCase.status().name(), outstanding);
    }

    private static ZoneId zoneOf(Debtor debtor, ContactPolicy policy) {
        if (debtor == null || debtor.timeZone() == null) {
            return policy.defaultZone();
        }
        try {
            return ZoneId.of(debtor.timeZone());
        } catch (DateTimeException e) {
            return policy.defaultZone();
        }
    }
}
