package io.agiledunning.cases.service;

import io.agiledunning.cases.AddedBaseRate;
import io.agiledunning.cases.law.BaseRateTable;
import io.agiledunning.common.data.UniqueViolation;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The base-rate table in force: the rates bundled with the release ({@link BaseRateTable#RESOURCE}) followed by
 * the half-years platform admins added since (table {@code base_rates}). Read fresh in every transaction that needs
 * it, so a rate added on one replica counts on all of them at once.
 *
 * <p>Rates are platform data, not tenant data: the same for every tenant and outside row-level security. A later
 * release may bundle a half-year that was added here; the bundled value then wins.
 */
@ApplicationScoped
public class BaseRateService {

    /** A rate in force and where it came from; {@code addedBy} and {@code addedAt} are empty for bundled ones. */
    public record Rate(LocalDate validFrom, BigDecimal percent, String source, Optional<String> addedBy,
                       Optional<Instant> addedAt) {
        static final String BUNDLED = "bundled with the release (" + BaseRateTable.RESOURCE + ")";

        static Rate bundled(BaseRateTable.Entry entry) {
            return new Rate(entry.from(), entry.percent(), BUNDLED, Optional.empty(), Optional.empty());
        }

        static Rate of(AddedBaseRate added) {
            return new Rate(added.validFrom(), added.percent(), added.source(), Optional.of(added.addedBy()),
                    Optional.of(added.addedAt()));
        }
    }

    /** The Bundesbank publishes the rate with two decimals; it has been between -0.88 and 6.xx since 1999. */
    private static final BigDecimal LOWEST = new BigDecimal("-10.00");
    private static final BigDecimal HIGHEST = new BigDecimal("20.00");

    private static final BaseRateTable BUNDLED = BaseRateTable.bundled();

    private final Mutiny.SessionFactory sessionFactory;
    private final Clock clock;

    public BaseRateService(Mutiny.SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
    }

    /** The table in force, read in the caller's transaction. */
    public Uni<BaseRateTable> table(Mutiny.Session session) {
        return added(session).map(BaseRateService::extend);
    }

    /** Every rate in force, oldest first, with its source. */
    public Uni<List<Rate>> rates() {
        return sessionFactory.withSession(session -> added(session)).map(added -> {
            List<Rate> rates = new ArrayList<>();
            BUNDLED.entries().forEach(entry -> rates.add(Rate.bundled(entry)));
            added.stream().filter(rate -> isAfterBundle(rate.validFrom())).map(Rate::of).forEach(rates::add);
            return List.copyOf(rates);
        });
    }

    /**
     * Adds the next half-year's rate. Refuses any other half-year (no gaps, no rewriting of the past), a percent
     * with more than two decimals or outside a plausible range, and, when two admins add the same half-year at
     * once, the second one (CONFLICT).
     */
    public Uni<Rate> add(LocalDate validFrom, BigDecimal percent, String source, String addedBy) {
        if (percent.stripTrailingZeros().scale() > 2) {
            return Uni.createFrom().failure(ApiException.invalid("percent", "has at most two decimals, as published"));
        }
        if (percent.compareTo(LOWEST) < 0 || percent.compareTo(HIGHEST) > 0) {
            return Uni.createFrom().failure(ApiException.invalid("percent",
                    "must be between %s and %s".formatted(LOWEST, HIGHEST)));
        }
        return sessionFactory.withTransaction(session -> table(session).chain(current -> {
                    LocalDate next = current.lastCoveredDay().plusDays(1);
                    if (!validFrom.equals(next)) {
                        throw ApiException.invalid("validFrom", "must be %s, the half-year after the last rate in the table"
                                .formatted(next));
                    }
                    AddedBaseRate added = new AddedBaseRate(validFrom, percent.setScale(2), source, addedBy, clock.instant());
                    return session.persist(added).call(session::flush).replaceWith(added);
                }))
                .onFailure(UniqueViolation::in).transform(e -> new ApiException(ErrorCode.CONFLICT,
                        "the base rate from %s was added at the same time by someone else".formatted(validFrom)))
                .map(Rate::of);
    }

    private static Uni<List<AddedBaseRate>> added(Mutiny.Session session) {
        return session.createSelectionQuery("from AddedBaseRate order by validFrom", AddedBaseRate.class).getResultList();
    }

    private static BaseRateTable extend(List<AddedBaseRate> added) {
        BaseRateTable table = BUNDLED;
        for (AddedBaseRate rate : added) {
            if (isAfterBundle(rate.validFrom())) {
                table = table.with(rate.validFrom(), rate.percent());
            }
        }
        return table;
    }

    private static boolean isAfterBundle(LocalDate validFrom) {
        return validFrom.isAfter(BUNDLED.lastCoveredDay());
    }
}
