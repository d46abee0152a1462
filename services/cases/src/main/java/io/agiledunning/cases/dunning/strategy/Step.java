package io.agiledunning.cases.dunning.strategy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One dunning step: when it is due, the channels to try in order, the tone, the fee it adds (material and
 * postage only, § 288 BGB case law: keep it small; zero for the reminder that creates default; absent: the
 * tenant's flat reminder fee from its legal settings) and the offers it carries.
 */
public record Step(String key, StepTrigger trigger, List<ChannelTemplate> channels, Tone tone, BigDecimal fee,
                   Set<Offer> offers) {

    public Step {
        channels = channels == null ? List.of() : List.copyOf(channels);
        offers = offers == null ? Set.of() : Set.copyOf(offers);
    }

    /**
     * What a contact of this step costs the debtor: its own fee, else the tenant's flat fee when that is in the
     * case's currency (the flat fee is kept in EUR), else nothing.
     */
    public Money fee(String currency, Money tenantReminderFee) {
        if (fee != null) {
            return Money.of(fee.toPlainString(), currency);
        }
        return tenantReminderFee.currency().getCurrencyCode().equals(currency) ? tenantReminderFee : Money.zero(currency);
    }

    @JsonIgnore
    public boolean isReaction() {
        return trigger.kind().isReaction();
    }
}
