package io.agiledunning.cases.dunning.strategy;

import io.agiledunning.cases.law.FeeSchedule;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a strategy publishable. Every problem names its field ({@code steps[2].channels[0].template}), so
 * a tenant can fix all of them at once.
 */
public final class StrategyValidation {

    /** Reminder fees may cover material and postage only: the same cap as the tenant's flat fee. */
    public static final BigDecimal MAX_STEP_FEE = FeeSchedule.DEFAULT_LEGAL_CAP.amount();
    public static final int MAX_HORIZON_DAYS = 730;

    private StrategyValidation() {
    }

    public static List<FieldError> problems(Strategy strategy) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(strategy.key())) {
            errors.add(new FieldError("key", "is required"));
        } else if (!strategy.key().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add(new FieldError("key", "must be lower-case letters, digits and dashes (at most 63), got '" + strategy.key() + "'"));
        }
        if (blank(strategy.name())) {
            errors.add(new FieldError("name", "is required"));
        }
        boolean currencyOk = currency(errors, strategy.currency());
        EndRule end = strategy.end();
        if (end.horizonDays() < 1 || end.horizonDays() > MAX_HORIZON_DAYS) {
            errors.add(new FieldError("end.horizonDays", "must be between 1 and %d, got %d".formatted(MAX_HORIZON_DAYS, end.horizonDays())));
        }
        if (end.writeOffBelow() != null && end.writeOffBelow().signum() < 0) {
            errors.add(new FieldError("end.writeOffBelow", "must not be negative"));
        }
        if (strategy.orderedSteps().isEmpty()) {
            errors.add(new FieldError("steps", "needs at least one step that is not a reaction"));
        }
        Set<String> keys = new HashSet<>();
        Set<TriggerKind> reactions = EnumSet.noneOf(TriggerKind.class);
        int lastStartOffset = -1;
        boolean first = true;
        for (int i = 0; i < strategy.steps().size(); i++) {
            Step step = strategy.steps().get(i);
            String at = "steps[" + i + "]";
            if (blank(step.key())) {
                errors.add(new FieldError(at + ".key", "is required"));
            } else if (!keys.add(step.key())) {
                errors.add(new FieldError(at + ".key", "'" + step.key() + "' is used by an earlier step"));
            }
            if (step.trigger() == null) {
                errors.add(new FieldError(at + ".trigger", "is required"));
                continue;
            }
            int days = step.trigger().days();
            if (days < 0) {
                errors.add(new FieldError(at + ".trigger.days", "must not be negative, got " + days));
            }
            if (step.isReaction() && !reactions.add(step.trigger().kind())) {
                errors.add(new FieldError(at + ".trigger.kind", "only one step may react to " + step.trigger().kind()));
            }
            if (step.trigger().kind() == TriggerKind.AFTER_START) {
                if (days < lastStartOffset) {
                    errors.add(new FieldError(at + ".trigger.days", "AFTER_START steps must be in order of their days, %d comes after %d"
                            .formatted(days, lastStartOffset)));
                }
                if (days >= end.horizonDays()) {
                    errors.add(new FieldError(at + ".trigger.days", "must be before the horizon (%d days), got %d".formatted(end.horizonDays(), days)));
                }
                lastStartOffset = Math.max(lastStartOffset, days);
            }
            if (step.tone() == null) {
                errors.add(new FieldError(at + ".tone", "is required"));
            }
            channels(errors, at, step);
            if (step.fee() == null) {
                // the tenant's flat fee, validated with its legal settings
            } else if (step.fee().signum() < 0) {
                errors.add(new FieldError(at + ".fee", "must not be negative"));
            } else if (step.fee().compareTo(MAX_STEP_FEE) > 0) {
                errors.add(new FieldError(at + ".fee", "reminder fees may cover material and postage only; at most %s, got %s"
                        .formatted(MAX_STEP_FEE, step.fee())));
            } else if (currencyOk && step.fee().scale() > Money.currency(strategy.currency()).getDefaultFractionDigits()) {
                errors.add(new FieldError(at + ".fee", "has more decimals than " + strategy.currency() + " allows"));
            }
            if (!step.isReaction()) {
                if (first && step.fee() != null && step.fee().signum() > 0) {
                    errors.add(new FieldError(at + ".fee", "the reminder that puts the debtor in default cannot be charged (§ 286 BGB); must be 0"));
                }
                first = false;
            }
        }
        return errors;
    }

    private static void channels(List<FieldError> errors, String at, Step step) {
        if (step.channels().isEmpty()) {
            errors.add(new FieldError(at + ".channels", "needs at least one channel"));
        }
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        for (int c = 0; c < step.channels().size(); c++) {
            ChannelTemplate channel = step.channels().get(c);
            if (!seen.add(channel.channel())) {
                errors.add(new FieldError(at + ".channels[" + c + "].channel", channel.channel() + " is listed twice"));
            }
            if (blank(channel.template())) {
                errors.add(new FieldError(at + ".channels[" + c + "].template", "is required"));
            }
        }
    }

    private static boolean currency(List<FieldError> errors, String code) {
        if (blank(code)) {
            errors.add(new FieldError("currency", "is required"));
            return false;
        }
        try {
            Money.currency(code);
            return true;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "is not an ISO 4217 code: " + code));
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
