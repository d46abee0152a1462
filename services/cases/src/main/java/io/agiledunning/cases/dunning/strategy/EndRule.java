package io.agiledunning.cases.dunning.strategy;

import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of a strategy: {@code horizonDays} after the start the case ends with {@code action}, or is written
 * off when less than {@code writeOffBelow} is still outstanding (not worth an agency's fee).
 *
 * @param agency who receives a handed-over case (the tenant's agency channel)
 */
public record EndRule(int horizonDays, EndAction action, BigDecimal writeOffBelow, String agency) {

    public static final int DEFAULT_HORIZON_DAYS = 180;

    public EndRule {
        Objects.requireNonNull(action, "action");
        agency = agency == null || agency.isBlank() ? "collection agency" : agency;
    }

    public Optional<Money> writeOffBelow(String currency) {
        return Optional.ofNullable(writeOffBelow).map(amount -> Money.of(amount.toPlainString(), currency));
    }
}
