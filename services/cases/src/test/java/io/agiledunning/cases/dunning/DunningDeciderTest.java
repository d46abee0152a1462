package io.agiledunning.cases.dunning;

import java.math.BigDecimal;
import io.agiledunning.cases.dunning.strategy.Tone;
import io.agiledunning.cases.dunning.strategy.ChannelTemplate;
import io.agiledunning.cases.dunning.strategy.StepTrigger;
import io.agiledunning.cases.dunning.strategy.Step;
import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.dunning.engine.CaseFacts;
import io.agiledunning.cases.dunning.engine.Decision;
import io.agiledunning.cases.dunning.engine.DunningDecider;
import io.agiledunning.cases.dunning.engine.DunningPreview;
import io.agiledunning.cases.dunning.engine.PlannedAction;
import io.agiledunning.cases.dunning.engine.Progress;
import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.dunning.guardrails.Recipient;
import io.agiledunning.cases.dunning.strategy.Channel;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.StrategyJson;
import io.agiledunning.cases.dunning.strategy.TriggerKind;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.common.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DunningDeciderTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Strategy DEFAULT = StrategyJson.builtInDefault();
    static final ContactPolicy POLICY = ContactPolicy.GERMAN_DEFAULT;
    static final Money OWED = Money.of("120.00", "EUR");
    static final Money TENANT_FEE = Money.of("1.50", "EUR");

    static CaseFacts facts(CaseStatus status) {
        return new CaseFacts(status, OWED, LocalDate.of(2025, 12, 1), null, null, false, false, TENANT_FEE);
    }

    static Recipient recipient(GermanState state, Channel... optedOut) {
        return new Recipient(BERLIN, state, EnumSet.allOf(Channel.class),
                optedOut.length == 0 ? Set.of() : EnumSet.of(optedOut[0], optedOut), List.of());
    }

    static Instant berlin(int y, int m, int d, int h) {
        return ZonedDateTime.of(y, m, d, h, 0, 0, 0, BERLIN).toInstant();
    }

    static LocalDateTime local(PlannedAction action) {
        return action.at().atZone(BERLIN).toLocalDateTime();
    }

    @Test
    void theDefaultStrategyIsValidAndClassicallyGerman() {
        assertEquals(List.of(), io.agiledunning.cases.dunning.strategy.StrategyValidation.problems(DEFAULT));
        assertEquals(List.of("friendly-reminder", "first-dunning-letter", "second-dunning-letter", "final-notice"),
                DEFAULT.orderedSteps().stream().map(s -> s.key()).toList());
        assertEquals(180, DEFAULT.end().horizonDays());
        assertEquals(DEFAULT, StrategyJson.read(StrategyJson.write(DEFAULT)));
    }

    @Test
    void aContactNamesItsStepsFeeElseTheTenantsFlatFeeAndTheFirstContactIsFree() {
        Progress started = Progress.notStarted().started(LocalDate.of(2026, 1, 5));
        Decision.Contact first = assertInstanceOf(Decision.Contact.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING),
                DEFAULT, started, recipient(GermanState.BE), POLICY, berlin(2026, 1, 5, 9)));
        assertEquals("friendly-reminder", first.step().key());
        assertEquals(Money.zero("EUR"), first.fee(), "the reminder that may put the debtor in default is never charged");

        Progress afterFirst = started.contacted(LocalDate.of(2026, 1, 5), false);
        Decision.Contact second = assertInstanceOf(Decision.Contact.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING),
                DEFAULT, afterFirst, recipient(GermanState.BE), POLICY, berlin(2026, 1, 19, 9)));
        assertEquals("first-dunning-letter", second.step().key());
        assertEquals(TENANT_FEE, second.fee(), "the default strategy's letters charge the tenant's flat fee");

        Step cheaper = new Step("first-dunning-letter", new StepTrigger(TriggerKind.AFTER_PREVIOUS, 14),
                List.of(new ChannelTemplate(Channel.EMAIL, "dunning.first")), Tone.NEUTRAL, new BigDecimal("0.80"), Set.of());
        Strategy own = new Strategy("own", "own fee", "EUR", List.of(DEFAULT.steps().getFirst(), cheaper), DEFAULT.end());
        Decision.Contact ownFee = assertInstanceOf(Decision.Contact.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING),
                own, afterFirst, recipient(GermanState.BE), POLICY, berlin(2026, 1, 19, 9)));
        assertEquals(Money.of("0.80", "EUR"), ownFee.fee());

        CaseFacts swissFrancs = new CaseFacts(CaseStatus.IN_DUNNING, Money.of("120.00", "CHF"), LocalDate.of(2025, 12, 1), null,
                null, false, false, TENANT_FEE);
        Decision.Contact francs = assertInstanceOf(Decision.Contact.class, DunningDecider.decide(swissFrancs, DEFAULT, afterFirst,
                recipient(GermanState.BE), POLICY, berlin(2026, 1, 19, 9)));
        assertEquals(Money.zero("CHF"), francs.fee(), "the flat fee is kept in EUR; a CHF case is charged only a step's own fee");
    }

    @Test
    void anOpenCaseStartsAndRunsTheDefaultStrategyToHandoverOnTheRightDates() {
        // Monday 2026-01-05, Berlin: no holiday on the 6th there.
        List<PlannedAction> plan = DunningPreview.next(10, facts(CaseStatus.OPEN), DEFAULT, Progress.notStarted(),
                recipient(GermanState.BE), POLICY, berlin(2026, 1, 5, 7));

        assertEquals(List.of("friendly-reminder", "first-dunning-letter", "second-dunning-letter", "final-notice"),
                plan.stream().limit(4).map(PlannedAction::step).toList());
        assertEquals(LocalDateTime.of(2026, 1, 5, 9, 0), local(plan.get(0)));
        assertEquals(LocalDateTime.of(2026, 1, 19, 9, 0), local(plan.get(1)));
        assertEquals(LocalDateTime.of(2026, 2, 2, 9, 0), local(plan.get(2)));
        assertEquals(LocalDateTime.of(2026, 6, 20, 9, 0), local(plan.get(3)), "day 166, a Saturday");
        assertEquals("LETTER", plan.get(3).channel());
        assertEquals(Arrays.asList(Money.zero("EUR"), TENANT_FEE, TENANT_FEE, TENANT_FEE, null),
                plan.stream().map(PlannedAction::fee).toList(), "the first contact is free, each letter after it names the fee");
        assertEquals("hand over", plan.get(4).command());
        assertEquals(LocalDateTime.of(2026, 7, 4, 9, 0), local(plan.get(4)), "day 180");
        assertEquals(5, plan.size());
    }

    @Test
    void bavariaWaitsForTheDayAfterEpiphanyBerlinDoesNot() {
        Instant epiphanyMorning = berlin(2026, 1, 6, 7);
        List<PlannedAction> bavaria = DunningPreview.next(2, facts(CaseStatus.OPEN), DEFAULT, Progress.notStarted(),
                recipient(GermanState.BY), POLICY, epiphanyMorning);
        List<PlannedAction> berlin = DunningPreview.next(2, facts(CaseStatus.OPEN), DEFAULT, Progress.notStarted(),
                recipient(GermanState.BE), POLICY, epiphanyMorning);

        assertEquals(LocalDateTime.of(2026, 1, 7, 8, 0), local(bavaria.get(0)));
        assertEquals(LocalDateTime.of(2026, 1, 6, 9, 0), local(berlin.get(0)));
        // the next step counts from the actual contact
        assertEquals(LocalDateTime.of(2026, 1, 21, 9, 0), local(bavaria.get(1)));
        assertEquals(LocalDateTime.of(2026, 1, 20, 9, 0), local(berlin.get(1)));
    }

    @Test
    void aBlockedStepSaysWhyAndWhenItMayGo() {
        Progress started = Progress.notStarted().started(LocalDate.of(2026, 1, 6));
        Decision decision = DunningDecider.decide(facts(CaseStatus.IN_DUNNING), DEFAULT, started, recipient(GermanState.BY), POLICY,
                berlin(2026, 1, 6, 9));
        Decision.Wait wait = assertInstanceOf(Decision.Wait.class, decision);
        assertTrue(wait.blocked());
        assertEquals(List.of("step 'friendly-reminder' held back: public holiday in Bayern: Heilige Drei Könige (2026-01-06)"), wait.reasons());
        assertEquals(berlin(2026, 1, 7, 8), wait.until());
    }

    @Test
    void channelsFallBackFromEmailToSmsToLetterAndAllOptedOutPausesForReview() {
        Progress started = Progress.notStarted().started(LocalDate.of(2026, 3, 10));
        Instant tuesday = berlin(2026, 3, 10, 10);
        Decision.Contact sms = assertInstanceOf(Decision.Contact.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING), DEFAULT, started,
                recipient(null, Channel.EMAIL), POLICY, tuesday));
        assertEquals(Channel.SMS, sms.channel().channel());
        assertEquals("fallback: the debtor opted out of EMAIL", sms.reasons().get(1));

        Decision.Command review = assertInstanceOf(Decision.Command.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING), DEFAULT,
                started, recipient(null, Channel.EMAIL, Channel.SMS, Channel.LETTER), POLICY, tuesday));
        CaseCommand.Pause pause = assertInstanceOf(CaseCommand.Pause.class, review.command());
        assertTrue(pause.reason().startsWith("manual review: no permitted channel for step 'friendly-reminder'"), pause.reason());
    }

    @Test
    void aPartialPaymentPushesTheNextRelativeStepWithoutSkippingOrRepeating() {
        Progress afterReminder = Progress.notStarted().started(LocalDate.of(2026, 3, 2)).contacted(LocalDate.of(2026, 3, 2), false);
        Progress paidPartly = afterReminder.paidPartly(LocalDate.of(2026, 3, 10));

        Decision.Wait plain = assertInstanceOf(Decision.Wait.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING), DEFAULT,
                afterReminder, recipient(null), POLICY, berlin(2026, 3, 11, 10)));
        Decision.Wait pushed = assertInstanceOf(Decision.Wait.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING), DEFAULT,
                paidPartly, recipient(null), POLICY, berlin(2026, 3, 11, 10)));

        assertEquals(berlin(2026, 3, 16, 9), plain.until());
        assertEquals(berlin(2026, 3, 24, 9), pushed.until());
        assertEquals(List.of("step 'first-dunning-letter' due on 2026-03-24 (14 days after the partial payment on 2026-03-10)"), pushed.reasons());
    }

    @Test
    void dunningStopsHoldTheCase() {
        Progress started = Progress.notStarted().started(LocalDate.of(2026, 3, 2));
        Instant now = berlin(2026, 3, 10, 10);
        for (CaseStatus status : List.of(CaseStatus.DISPUTED, CaseStatus.PLAN_ACTIVE, CaseStatus.PAUSED)) {
            Decision.Wait wait = assertInstanceOf(Decision.Wait.class, DunningDecider.decide(facts(status), DEFAULT, started,
                    recipient(null), POLICY, now));
            assertTrue(wait.blocked());
            assertTrue(wait.reasons().getFirst().startsWith("dunning stop"), wait.reasons().toString());
        }
        CaseFacts deceased = new CaseFacts(CaseStatus.IN_DUNNING, OWED, null, null, null, true, false, TENANT_FEE);
        assertEquals(List.of("dunning stop: the debtor is deceased"),
                DunningDecider.decide(deceased, DEFAULT, started, recipient(null), POLICY, now).reasons());
        CaseFacts insolvent = new CaseFacts(CaseStatus.IN_DUNNING, OWED, null, null, null, false, true, TENANT_FEE);
        assertEquals(List.of("dunning stop: insolvency proceedings against the debtor"),
                DunningDecider.decide(insolvent, DEFAULT, started, recipient(null), POLICY, now).reasons());
        CaseFacts paid = new CaseFacts(CaseStatus.IN_DUNNING, Money.zero("EUR"), null, null, null, false, false, TENANT_FEE);
        assertEquals(List.of("no contact after payment in full: nothing is outstanding"),
                DunningDecider.decide(paid, DEFAULT, started, recipient(null), POLICY, now).reasons());
        assertInstanceOf(Decision.Finished.class, DunningDecider.decide(facts(CaseStatus.PAID), DEFAULT, started, recipient(null), POLICY, now));
    }

    @Test
    void aPauseWithAnEndResumesOnThatDay() {
        CaseFacts paused = new CaseFacts(CaseStatus.PAUSED, OWED, null, LocalDate.of(2026, 3, 20), null, false, false, TENANT_FEE);
        Progress started = Progress.notStarted().started(LocalDate.of(2026, 3, 2));
        Decision.Wait wait = assertInstanceOf(Decision.Wait.class, DunningDecider.decide(paused, DEFAULT, started, recipient(null), POLICY,
                berlin(2026, 3, 10, 10)));
        assertEquals(berlin(2026, 3, 20, 9), wait.until());
        Decision.Command resume = assertInstanceOf(Decision.Command.class, DunningDecider.decide(paused, DEFAULT, started, recipient(null),
                POLICY, berlin(2026, 3, 20, 9)));
        assertInstanceOf(CaseCommand.Resume.class, resume.command());
    }

    @Test
    void aPromiseIsBrokenAfterTheGraceAndTheReactionStepGoesFirst() {
        CaseFacts promised = new CaseFacts(CaseStatus.PROMISED, OWED, null, null, LocalDate.of(2026, 3, 13), false, false, TENANT_FEE);
        Progress afterReminder = Progress.notStarted().started(LocalDate.of(2026, 3, 2)).contacted(LocalDate.of(2026, 3, 2), false);
        Decision.Wait waiting = assertInstanceOf(Decision.Wait.class, DunningDecider.decide(promised, DEFAULT, afterReminder,
                recipient(null), POLICY, berlin(2026, 3, 14, 10)));
        assertEquals(berlin(2026, 3, 16, 9), waiting.until(), "payBy + 2 days' grace, then broken");
        Decision.Command broken = assertInstanceOf(Decision.Command.class, DunningDecider.decide(promised, DEFAULT, afterReminder,
                recipient(null), POLICY, waiting.until()));
        assertInstanceOf(CaseCommand.PromiseBroken.class, broken.command());

        Progress reacting = afterReminder.reacting(new Progress.Reaction(TriggerKind.AFTER_BROKEN_PROMISE, LocalDate.of(2026, 3, 16)));
        List<PlannedAction> plan = DunningPreview.next(2, facts(CaseStatus.IN_DUNNING), DEFAULT, reacting, recipient(null), POLICY,
                berlin(2026, 3, 16, 9));
        assertEquals("after-broken-promise", plan.get(0).step());
        assertEquals(LocalDateTime.of(2026, 3, 17, 9, 0), local(plan.get(0)));
        assertEquals("first-dunning-letter", plan.get(1).step());
        assertEquals(LocalDateTime.of(2026, 3, 31, 9, 0), local(plan.get(1)), "14 days after the reaction contact");
    }

    @Test
    void atTheHorizonASmallRestIsWrittenOffInsteadOfHandedOver() {
        CaseFacts small = new CaseFacts(CaseStatus.IN_DUNNING, Money.of("4.99", "EUR"), null, null, null, false, false, TENANT_FEE);
        Progress allSent = new Progress(LocalDate.of(2026, 1, 5), 4, Optional.empty(), Optional.of(LocalDate.of(2026, 6, 20)),
                Optional.empty(), 4);
        Decision.Command end = assertInstanceOf(Decision.Command.class, DunningDecider.decide(small, DEFAULT, allSent, recipient(null),
                POLICY, berlin(2026, 7, 4, 9)));
        assertInstanceOf(CaseCommand.WriteOff.class, end.command());
        Decision.Command handover = assertInstanceOf(Decision.Command.class, DunningDecider.decide(facts(CaseStatus.IN_DUNNING), DEFAULT,
                allSent, recipient(null), POLICY, berlin(2026, 7, 4, 9)));
        assertEquals(new CaseCommand.HandOver("collection agency", "strategy 'german-classic' ended after 180 days with 120.00 EUR outstanding"),
                handover.command());
        assertFalse(handover.reasons().isEmpty());
    }

    @Test
    void stepsCrossingTheSpringDstChangeKeepTheirLocalTime() {
        // start Tuesday 2026-03-17 (CET): +14 days = Tuesday 2026-03-31 (CEST), both at 09:00 local
        List<PlannedAction> plan = DunningPreview.next(2, facts(CaseStatus.OPEN), DEFAULT, Progress.notStarted(), recipient(null),
                POLICY, berlin(2026, 3, 17, 8));
        assertEquals(LocalDateTime.of(2026, 3, 17, 9, 0), local(plan.get(0)));
        assertEquals(LocalDateTime.of(2026, 3, 31, 9, 0), local(plan.get(1)));
    }
}
