package io.agiledunning.cases.settings;

import io.agiledunning.cases.law.AllocationOrder;
import io.agiledunning.cases.law.Conventions;
import io.agiledunning.cases.law.FeeSchedule;
import io.agiledunning.cases.law.InterestClaim;
import io.agiledunning.cases.law.LegalSettings;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.UniqueViolation;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.events.LegalSettingsChanged;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's legal settings: read by every statement and allocation in the tenant's transaction, changed by its
 * admins. Each change is a new version (who, when) and a {@link LegalSettingsChanged} event; a tenant that never
 * changed them computes with {@link LegalSettings#defaults()} (version 0).
 */
@ApplicationScoped
public class LegalSettingsService {

    /** Statutory default interest is at most base rate + 9 pp; a cap above 30 % p.a. can only be a typing error. */
    static final BigDecimal HIGHEST_CAP = new BigDecimal("30.00");

    /** The settings in force and where they came from; version 0 (no author) for the platform defaults. */
    public record Current(LegalSettings settings, int version, Optional<String> changedBy, Optional<Instant> changedAt) {
        static Current defaults() {
            return new Current(LegalSettings.defaults(), 0, Optional.empty(), Optional.empty());
        }

        static Current of(LegalSettingsVersion stored) {
            return new Current(stored.settings(), stored.version(), Optional.of(stored.changedBy()),
                    Optional.of(stored.changedAt()));
        }
    }

    /**
     * A change as requested; enum-valued settings come as their names so that a wrong one is a field error naming
     * the allowed values. A null field keeps the current value.
     */
    public record Change(Money reminderFee, Boolean chargeB2bFlatFee, BigDecimal interestCapPercent, Boolean statutoryInterest,
                         String allocationOrder, String firstInterestDay, Boolean paymentDayBearsInterest, String dayCount,
                         String rounding) {
    }

    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final Clock clock;

    public LegalSettingsService(TenantTransactions transactions, Outbox outbox, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Current> current(TenantContext caller) {
        return transactions.inTransaction(caller.tenantId(), this::current);
    }

    /** Every version the tenant saved, newest first. */
    public Uni<List<Current>> history(TenantContext caller) {
        return transactions.inTransaction(caller.tenantId(), session -> session
                .createSelectionQuery("from LegalSettingsVersion order by version desc", LegalSettingsVersion.class)
                .getResultList()
                .map(list -> list.stream().map(Current::of).toList()));
    }

    /**
     * Saves the next version.
     *
     * @throws ApiException VALIDATION naming every wrong field; CONFLICT when another admin saved at the same time
     */
    public Uni<Current> change(TenantContext caller, Change change, String correlationId) {
        return transactions.inTransaction(caller.tenantId(), session -> current(session).chain(current -> {
                    LegalSettings next = apply(current.settings(), change);
                    LegalSettingsVersion stored = new LegalSettingsVersion(caller.tenantId(), current.version() + 1, next,
                            caller.subject(), clock.instant());
                    return session.persist(stored).call(session::flush)
                            .call(() -> outbox.append(session, caller.tenantId(), caller.tenantId().value(),
                                    changed(stored), correlationId))
                            .replaceWith(Current.of(stored));
                }))
                .onFailure(UniqueViolation::in).transform(e -> new ApiException(ErrorCode.CONFLICT,
                        "the legal settings were changed by someone else at the same time; read them again and retry"));
    }

    /** The settings in force, read in the caller's tenant transaction. */
    public Uni<Current> current(Mutiny.Session session) {
        return session.createSelectionQuery("from LegalSettingsVersion order by version desc", LegalSettingsVersion.class)
                .setMaxResults(1)
                .getResultList()
                .map(list -> list.isEmpty() ? Current.defaults() : Current.of(list.getFirst()));
    }

    private static LegalSettings apply(LegalSettings current, Change change) {
        List<FieldError> errors = new ArrayList<>();
        FeeSchedule fees = current.fees();
        if (change.reminderFee() != null) {
            Money fee = change.reminderFee();
            if (!"EUR".equals(fee.currency().getCurrencyCode())) {
                errors.add(new FieldError("reminderFee", "must be in EUR, got " + fee.currency().getCurrencyCode()));
            } else if (fee.isNegative()) {
                errors.add(new FieldError("reminderFee", "must not be negative"));
            } else if (fee.compareTo(fees.legalCap()) > 0) {
                errors.add(new FieldError("reminderFee", "must be at most %s: a reminder fee may only cover material and postage"
                        .formatted(fees.legalCap())));
            } else {
                fees = new FeeSchedule(fee, fees.chargeB2bFlatFee(), fees.legalCap());
            }
        }
        if (change.chargeB2bFlatFee() != null) {
            fees = fees.withB2bFlatFee(change.chargeB2bFlatFee());
        }
        InterestClaim interest = interest(current.interest(), change, errors);
        AllocationOrder order = parse("allocationOrder", change.allocationOrder(), AllocationOrder.class,
                current.allocationOrder(), errors);
        Conventions conventions = current.conventions()
                .withFirstInterestDay(parse("firstInterestDay", change.firstInterestDay(), Conventions.FirstInterestDay.class,
                        current.conventions().firstInterestDay(), errors))
                .withDayCount(parse("dayCount", change.dayCount(), Conventions.DayCount.class,
                        current.conventions().dayCount(), errors))
                .withRounding(parse("rounding", change.rounding(), Conventions.Rounding.class,
                        current.conventions().rounding(), errors));
        if (change.paymentDayBearsInterest() != null) {
            conventions = conventions.withPaymentDayBearsInterest(change.paymentDayBearsInterest());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new LegalSettings(fees, interest, order, conventions);
    }

    /** {@code statutoryInterest: true} drops a cap; a cap lowers the statutory rate and can never raise it. */
    private static InterestClaim interest(InterestClaim current, Change change, List<FieldError> errors) {
        boolean statutory = Boolean.TRUE.equals(change.statutoryInterest());
        BigDecimal cap = change.interestCapPercent();
        if (statutory && cap != null) {
            errors.add(new FieldError("interestCapPercent", "must be empty when statutoryInterest is true"));
            return current;
        }
        if (statutory) {
            return InterestClaim.statutory();
        }
        if (cap == null) {
            return current;
        }
        if (cap.signum() < 0 || cap.compareTo(HIGHEST_CAP) > 0) {
            errors.add(new FieldError("interestCapPercent", "must be between 0 and %s (percent p.a.)".formatted(HIGHEST_CAP)));
            return current;
        }
        if (cap.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("interestCapPercent", "must have at most two decimals"));
            return current;
        }
        return new InterestClaim(Optional.of(cap.setScale(2)));
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type, E current, List<FieldError> errors) {
        if (value == null) {
            return current;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of %s, got '%s'"
                    .formatted(Arrays.toString(type.getEnumConstants()), value)));
            return current;
        }
    }

    private static LegalSettingsChanged changed(LegalSettingsVersion stored) {
        LegalSettings s = stored.settings();
        return new LegalSettingsChanged(stored.version(), s.fees().reminderFee(), s.fees().chargeB2bFlatFee(),
                s.interest().capPercent().orElse(null), s.allocationOrder().name(), s.conventions().firstInterestDay().name(),
                s.conventions().paymentDayBearsInterest(), s.conventions().dayCount().name(),
                s.conventions().rounding().name(), stored.changedBy());
    }
}
