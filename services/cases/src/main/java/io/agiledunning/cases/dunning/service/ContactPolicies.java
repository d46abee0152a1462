package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.events.ContactPolicyChanged;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's contact policy (docs/dunning.md, "Guardrails"). A tenant may only make the German default stricter:
 * contact hours within 08:00–20:00 and at most 3 contacts in 7 days; Sundays and public holidays stay free of
 * contact. The engine reads it once per chunk of the tenant's cases.
 */
@ApplicationScoped
public class ContactPolicies {

    /** What the tenant chose; {@code version} 0 and no author: the default. */
    public record Current(LocalTime earliest, LocalTime latest, int maxContacts, int version, Optional<String> changedBy,
                          Optional<Instant> changedAt) {

        ContactPolicy policy() {
            ContactPolicy base = ContactPolicy.GERMAN_DEFAULT;
            LocalTime preferred = base.preferredTime().isBefore(earliest) || !base.preferredTime().isBefore(latest)
                    ? earliest : base.preferredTime();
            return new ContactPolicy(earliest, latest, preferred, base.noSundays(), base.noPublicHolidays(), maxContacts,
                    base.window(), base.defaultZone());
        }
    }

    public record Change(LocalTime earliest, LocalTime latest, Integer maxContacts) {
    }

    private static final Current DEFAULT = new Current(ContactPolicy.GERMAN_DEFAULT.earliest(), ContactPolicy.GERMAN_DEFAULT.latest(),
            ContactPolicy.GERMAN_DEFAULT.maxContacts(), 0, Optional.empty(), Optional.empty());

    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final Clock clock;

    public ContactPolicies(TenantTransactions transactions, Outbox outbox, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Current> get(TenantContext caller) {
        return transactions.inTransaction(caller.tenantId(), ContactPolicies::current);
    }

    /**
     * Replaces the tenant's policy; the same policy again changes nothing (no new version, no event).
     *
     * @throws ApiException VALIDATION naming every field that would widen the default or is missing; CONFLICT when another
     *                      change was stored since this one read the policy (read it again)
     */
    public Uni<Current> change(TenantContext caller, Change change, String correlationId) {
        List<FieldError> errors = problems(change);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ApiException.invalid(errors));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> current(session).chain(before -> {
            if (before.earliest().equals(change.earliest()) && before.latest().equals(change.latest())
                    && before.maxContacts() == change.maxContacts()) {
                return Uni.createFrom().item(before);
            }
            Current after = new Current(change.earliest(), change.latest(), change.maxContacts(), before.version() + 1,
                    Optional.of(caller.subject()), Optional.of(now));
            return session.createNativeQuery("""
                            insert into tenant_contact_policies (tenant_id, earliest, latest, max_contacts, version, changed_by, changed_at)
                            values (:tenant, :earliest, :latest, :max, :version, :by, :at)
                            on conflict (tenant_id) do update set earliest = excluded.earliest, latest = excluded.latest,
                                max_contacts = excluded.max_contacts, version = excluded.version,
                                changed_by = excluded.changed_by, changed_at = excluded.changed_at
                            where tenant_contact_policies.version = :expected""")
                    .setParameter("tenant", caller.tenantId().value())
                    .setParameter("earliest", after.earliest())
                    .setParameter("latest", after.latest())
                    .setParameter("max", after.maxContacts())
                    .setParameter("version", after.version())
                    .setParameter("by", caller.subject())
                    .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter("expected", before.version())
                    .executeUpdate()
                    .invoke(written -> {
                        if (written == 0) {
                            throw new ApiException(ErrorCode.CONFLICT, "the contact policy was changed meanwhile (after version %d): "
                                    .formatted(before.version()) + "read it again and repeat the change");
                        }
                    })
                    .call(() -> outbox.append(session, caller.tenantId(), caller.tenantId().value(),
                            new ContactPolicyChanged(after.version(), after.earliest().toString(), after.latest().toString(),
                                    after.maxContacts(), caller.subject()), correlationId))
                    .replaceWith(after);
        }));
    }

    /** Inside the tenant's transaction: the policy the engine applies to the tenant's debtors. */
    static Uni<ContactPolicy> of(Mutiny.Session session) {
        return current(session).map(Current::policy);
    }

    private static Uni<Current> current(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select earliest, latest, max_contacts, version, changed_by, changed_at from tenant_contact_policies""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().findFirst().map(row -> new Current(localTime(row[0]), localTime(row[1]), (Integer) row[2],
                                (Integer) row[3], Optional.of((String) row[4]), Optional.of(((OffsetDateTime) row[5]).toInstant())))
                        .orElse(DEFAULT));
    }

    private static LocalTime localTime(Object value) {
        return value instanceof java.sql.Time time ? time.toLocalTime() : (LocalTime) value;
    }

    static List<FieldError> problems(Change change) {
        List<FieldError> errors = new ArrayList<>();
        LocalTime opens = ContactPolicy.GERMAN_DEFAULT.earliest();
        LocalTime closes = ContactPolicy.GERMAN_DEFAULT.latest();
        if (change.earliest() == null) {
            errors.add(new FieldError("earliest", "required, e.g. \"09:00\""));
        } else if (change.earliest().isBefore(opens)) {
            errors.add(new FieldError("earliest", "must not be before %s (the German default may only be narrowed), got %s".formatted(opens, change.earliest())));
        }
        if (change.latest() == null) {
            errors.add(new FieldError("latest", "required, e.g. \"18:00\""));
        } else if (change.latest().isAfter(closes)) {
            errors.add(new FieldError("latest", "must not be after %s (the German default may only be narrowed), got %s".formatted(closes, change.latest())));
        }
        if (change.earliest() != null && change.latest() != null && !change.earliest().isBefore(change.latest())) {
            errors.add(new FieldError("latest", "must be after earliest (%s), got %s".formatted(change.earliest(), change.latest())));
        }
        if (change.maxContacts() == null || change.maxContacts() < 1 || change.maxContacts() > ContactPolicy.GERMAN_DEFAULT.maxContacts()) {
            errors.add(new FieldError("maxContacts", "must be between 1 and %d contacts in 7 days, got %s"
                    .formatted(ContactPolicy.GERMAN_DEFAULT.maxContacts(), change.maxContacts())));
        }
        return errors;
    }
}
