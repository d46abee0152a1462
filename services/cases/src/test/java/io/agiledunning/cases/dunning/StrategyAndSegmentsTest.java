package io.agiledunning.cases.dunning;

import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.dunning.segment.Assignment;
import io.agiledunning.cases.dunning.segment.Segment;
import io.agiledunning.cases.dunning.segment.SegmentFacts;
import io.agiledunning.cases.dunning.segment.SegmentRule;
import io.agiledunning.cases.dunning.segment.Segmentation;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.StrategyJson;
import io.agiledunning.cases.dunning.strategy.StrategyValidation;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyAndSegmentsTest {

    @Test
    void everyProblemOfAStrategyIsNamedByItsField() {
        Strategy broken = StrategyJson.read("""
                {"key": "Bad Key", "name": "", "currency": "EUR",
                 "steps": [
                   {"key": "a", "trigger": {"kind": "AFTER_START", "days": 10}, "channels": [{"channel": "EMAIL", "template": "t"}],
                    "tone": "FRIENDLY", "fee": "2.00"},
                   {"key": "a", "trigger": {"kind": "AFTER_START", "days": 5}, "channels": [], "tone": "FIRM", "fee": "12.00"},
                   {"key": "c", "trigger": {"kind": "AFTER_PREVIOUS", "days": -1},
                    "channels": [{"channel": "SMS", "template": ""}, {"channel": "SMS", "template": "x"}], "tone": "FIRM"}
                 ],
                 "end": {"horizonDays": 0, "action": "HAND_OVER"}}""");
        List<String> fields = StrategyValidation.problems(broken).stream().map(FieldError::field).toList();
        assertEquals(List.of("key", "name", "end.horizonDays", "steps[0].trigger.days", "steps[0].fee", "steps[1].key",
                "steps[1].trigger.days", "steps[1].trigger.days", "steps[1].channels", "steps[1].fee", "steps[2].trigger.days",
                "steps[2].channels[0].template", "steps[2].channels[1].channel"), fields);
        assertTrue(StrategyValidation.problems(broken).stream().anyMatch(e -> e.reason().contains("§ 286 BGB")));
    }

    @Test
    void unknownFieldsAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrategyJson.read("""
                {"key": "k", "name": "n", "currency": "EUR", "steps": [], "end": {"horizonDays": 10, "action": "HAND_OVER"}, "colour": 1}"""));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    static SegmentFacts facts(UUID id, DebtorKind kind, String amount, long daysPastDue) {
        return new SegmentFacts(id, kind, Money.of(amount, "EUR"), daysPastDue, GermanState.BY, Map.of("industry", "telco"));
    }

    @Test
    void theFirstMatchingSegmentByPriorityWins() {
        Segment b2b = new Segment("b2b", 1, new SegmentRule(DebtorKind.BUSINESS, null, null, null, null, Set.of(), Map.of()),
                "b2b-strict", BigDecimal.ZERO, null);
        Segment large = new Segment("large", 2, new SegmentRule(null, new BigDecimal("1000"), null, null, null, Set.of("BY"),
                Map.of("industry", "telco")), "large-soft", BigDecimal.ZERO, null);
        List<Segment> segments = List.of(large, b2b);

        assertEquals("b2b-strict", Segmentation.assign(segments, facts(UUID.randomUUID(), DebtorKind.BUSINESS, "5000", 3)).strategyKey());
        assertEquals("large-soft", Segmentation.assign(segments, facts(UUID.randomUUID(), DebtorKind.CONSUMER, "1000", 3)).strategyKey());
        Assignment none = Segmentation.assign(segments, facts(UUID.randomUUID(), DebtorKind.CONSUMER, "999.99", 3));
        assertEquals(null, none.strategyKey());
        assertEquals("no segment matched: default strategy", none.reason());
    }

    @Test
    void theControlGroupTakesItsShareStably() {
        Segment segment = new Segment("all", 1, SegmentRule.any(), "optimised", new BigDecimal("0.10"), "static");
        int control = 0;
        for (int i = 0; i < 20_000; i++) {
            UUID id = UUID.randomUUID();
            Assignment first = Segmentation.assign(List.of(segment), facts(id, DebtorKind.CONSUMER, "10", 1));
            assertEquals(first, Segmentation.assign(List.of(segment), facts(id, DebtorKind.CONSUMER, "10", 1)));
            if (first.controlGroup()) {
                control++;
                assertEquals("static", first.strategyKey());
            }
        }
        assertTrue(control > 1_700 && control < 2_300, "10 % of 20,000 expected, got " + control);
        assertFalse(Segmentation.assign(List.of(new Segment("none", 1, SegmentRule.any(), "s", BigDecimal.ZERO, null)),
                facts(UUID.randomUUID(), DebtorKind.CONSUMER, "1", 1)).controlGroup());
    }
}
