package io.agiledunning.onboarding.service;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.data.UniqueViolation;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.onboarding.TenantSettings;
import io.agiledunning.onboarding.TenantSettings.Values;
import io.agiledunning.onboarding.repository.TenantSettingsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import io.agiledunning.onboarding.TenantSettingsChange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

@ApplicationScoped
public class TenantSettingsService {

    /** Settings as shown: the stored ones, or the defaults with version 0 before the first change. */
    public record Current(Values values, int version, Optional<String> updatedBy) {
    }

    private final TenantTransactions transactions;
    private final TenantSettingsRepository settings;
    private final Outbox outbox;
    private final Clock clock;

    public TenantSettingsService(TenantTransactions transactions, TenantSettingsRepository settings, Outbox outbox, Clock clock) {
        this.transactions = transactions;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Current> get(TenantContext caller) {
        return transactions.inTransaction(caller.tenantId(), settings::find)
                .map(found -> found.map(s -> new Current(s.values(), s.version() + 1, Optional.of(s.updatedBy())))
                        .orElseGet(() -> new Current(Values.defaultsFor(caller.tenantAlias()), 0, Optional.empty())));
    }

    /**
     * @param expectedVersion the version the caller read; a concurrent change in between is a CONFLICT,
     *                        not a silent overwrite
     */
    public Uni<Current> change(TenantContext caller, Values values, int expectedVersion, String correlationId) {
        return transactions.inTransaction(caller.tenantId(), session -> settings.find(session)
                .chain(found -> {
                    TenantSettings current = found.orElseGet(() -> TenantSettings.create(caller.tenantId()));
                    int currentVersion = found.isPresent() ? current.version() + 1 : 0;
                    if (currentVersion != expectedVersion) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                                "settings changed meanwhile (version %d, you sent %d): reload and retry".formatted(currentVersion, expectedVersion)));
                    }
                    Values before = found.map(TenantSettings::values).orElseGet(() -> Values.defaultsFor(caller.tenantAlias()));
                    Instant now = clock.instant();
                    current.change(values, caller.subject(), now);
                    Uni<TenantSettings> saved = found.isPresent() ? session.flush().replaceWith(current) : settings.persist(session, current).call(session::flush);
                    return saved.call(s -> {
                                List<TenantSettingsChange> changes = changes(caller, before, values, s.version() + 1, now);
                                return settings.record(session, changes)
                                        .chain(() -> outbox.append(session, caller.tenantId(), caller.tenantId(),
                                                new TenantSettingsChanged(values.displayName(), values.locale(), values.timeZone(),
                                                        values.defaultCurrency(), values.dunningHorizonDays(), values.germanState(),
                                                        changes.stream().map(TenantSettingsChange::field).toList(), s.version() + 1, caller.subject(),
                                                        values.legalFooter(), values.agencyName(), values.agencyChannel(), values.agencyWebhookUrl()),
                                                correlationId));
                            })
                            .map(s -> new Current(s.values(), s.version() + 1, Optional.of(s.updatedBy())));
                }))
                .onFailure(TenantSettingsService::isConcurrentChange)
                .transform(e -> new ApiException(ErrorCode.CONFLICT,
                        "settings changed meanwhile (you sent version %d): reload and retry".formatted(expectedVersion)));
    }

    /** The audit trail, newest change first (at most {@code limit} field changes). */
    public Uni<List<TenantSettingsChange>> history(TenantContext caller, int limit) {
        return transactions.inTransaction(caller.tenantId(), session -> settings.changes(session, limit));
    }

    private static List<TenantSettingsChange> changes(TenantContext caller, Values before, Values after, int version, Instant now) {
        Map<String, String> old = before.byField();
        return after.byField().entrySet().stream()
                .filter(field -> !Objects.equals(old.get(field.getKey()), field.getValue()))
                .map(field -> new TenantSettingsChange(caller.tenantId(), version, field.getKey(), old.get(field.getKey()), field.getValue(),
                        caller.subject(), now))
                .toList();
    }

    /**
     * Another change of the same version committed between our read and our write: the first change of a
     * tenant hits the unique tenant_id, a later one the version check of the update.
     */
    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof StaleStateException || e instanceof OptimisticLockException) {
                return true;
            }
        }
        return UniqueViolation.in(failure);
    }
}
