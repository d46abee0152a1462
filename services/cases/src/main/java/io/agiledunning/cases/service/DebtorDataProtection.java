package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.DebtorErased;
import io.agiledunning.common.events.DebtorRestricted;
import io.agiledunning.common.events.DebtorRestrictionLifted;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The data subject's rights a tenant exercises for a debtor (docs/cases.md, "Data protection"): restriction of
 * processing (Art. 18 GDPR) and erasure (Art. 17) that honours retention duties — what a duty covers is kept,
 * pseudonymized, until its end; the rest is deleted.
 */
@ApplicationScoped
public class DebtorDataProtection {

    /** What an erased debtor's name, and the free texts on its timeline, read afterwards. */
    public static final String ERASED = "erased (Art. 17 GDPR)";
    private static final int MAX_REASON = 500;

    /** What erasure kept (under a retention duty until {@code retainedUntil}, null when nothing) and deleted. */
    public record Erasure(UUID debtorId, Instant erasedAt, LocalDate retainedUntil, int casesKept, int claimsKept,
                          int paymentsKept, int contactsKept, int handoverPackagesKept, int timelineEntriesRedacted,
                          int consentsDeleted, int searchTermsDeleted) {
    }

    private final TenantTransactions transactions;
    private final CaseRepository cases;
    private final DebtorChanges changes;
    private final Clock clock;

    public DebtorDataProtection(TenantTransactions transactions, CaseRepository cases, DebtorChanges changes, Clock clock) {
        this.transactions = transactions;
        this.cases = cases;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Restricts ({@code restricted}) or lifts the restriction of the processing of the debtor's data; the same state again
     * changes nothing. @throws ApiException VALIDATION on {@code reason}; NOT_FOUND for a missing or another tenant's
     * debtor; CONFLICT for an erased one
     */
    public Uni<Debtor> restrict(TenantContext caller, UUID debtorId, boolean restricted, String reason, String correlationId) {
        String why;
        try {
            why = reason(reason);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> changes.live(session, debtorId).chain(debtor -> {
            if (debtor.restricted() == restricted) {
                return Uni.createFrom().item(debtor);
            }
            if (restricted) {
                debtor.restrict(why, now);
                return changes.record(session, caller, debtorId, DebtorChanges.UNFINISHED, new DebtorRestricted(debtorId, why),
                        "processing of the debtor's data restricted (Art. 18 GDPR): " + why, correlationId, now).replaceWith(debtor);
            }
            debtor.liftRestriction(now);
            return changes.record(session, caller, debtorId, DebtorChanges.UNFINISHED, new DebtorRestrictionLifted(debtorId, why),
                    "restriction of processing lifted: " + why, correlationId, now).replaceWith(debtor);
        }));
    }

    /**
     * Erases the debtor's personal data. Refused while a case of the debtor is unfinished: its claims are still being
     * collected (restrict processing meanwhile, then close, withdraw or write the case off).
     *
     * @throws ApiException VALIDATION on {@code reason}; NOT_FOUND for a missing or another tenant's debtor; CONFLICT for
     *                      an unfinished case or a debtor erased already
     */
    public Uni<Erasure> erase(TenantContext caller, UUID debtorId, String reason, String correlationId) {
        String why;
        try {
            why = reason(reason);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTransaction(caller.tenantId(), session -> changes.live(session, debtorId)
                .chain(debtor -> cases.ofDebtor(session, debtorId))
                .chain(ofDebtor -> {
                    List<Case> unfinished = ofDebtor.stream().filter(DebtorChanges.UNFINISHED).toList();
                    if (!unfinished.isEmpty()) {
                        throw new ApiException(ErrorCode.CONFLICT, ("debtor %s cannot be erased while a case is unfinished: %s; "
                                + "close, withdraw or write it off first (restrict processing meanwhile)").formatted(debtorId,
                                String.join(", ", unfinished.stream().map(c -> c.externalReference() + " is " + c.status()).toList())));
                    }
                    return erase(session, caller, debtorId, ofDebtor.size(), why, correlationId, now);
                }));
    }

    /** The cases of the debtor being erased, in SQL. */
    private static final String ITS_CASES = "(select id from cases where debtor_id = :debtorId)";

    private Uni<Erasure> erase(Mutiny.Session session, TenantContext caller, UUID debtorId, int caseCount, String why,
                               String correlationId, Instant now) {
        Tally tally = new Tally();
        // Retention runs from the end of the year a record was made in, in the tenant's calendar: a letter sent at
        // 00:30 on 1 January in Berlin is of the new year, though still of the old one in UTC.
        return TenantCalendar.zone(session).chain(zone -> dates(session, debtorId, zone, """
                        select greatest(issue_date, (updated_at at time zone :zone)::date) from claims where debtor_id = :debtorId
                        union all select paid_on from case_payments where case_id in""" + ITS_CASES)
                        .chain(vouchers -> dates(session, debtorId, zone, """
                                select (requested_at at time zone :zone)::date from dunning_contacts
                                where debtor_id = :debtorId or case_id in %1$s
                                union all select (handed_over_at at time zone :zone)::date from handover_packages
                                where case_id in %1$s""".formatted(ITS_CASES))
                                .map(letters -> Retention.until(vouchers, letters).orElse(null))))
                .invoke(until -> tally.retainedUntil = until)
                .chain(() -> count(session, debtorId, "select count(*) from claims where debtor_id = :debtorId"))
                .invoke(n -> tally.claims = n)
                .chain(() -> count(session, debtorId, "select count(*) from case_payments where case_id in " + ITS_CASES))
                .invoke(n -> tally.payments = n)
                .chain(() -> count(session, debtorId, "select count(*) from dunning_contacts where debtor_id = :debtorId or case_id in "
                        + ITS_CASES))
                .invoke(n -> tally.contacts = n)
                .chain(() -> update(session, debtorId, """
                        update handover_packages set package = jsonb_set(package, '{debtor}', package -> 'debtor'
                            || jsonb_build_object('externalReference', 'erased:' || (package -> 'debtor' ->> 'id'), 'name', cast(:erased as text),
                               'emails', '[]'::jsonb, 'phones', '[]'::jsonb, 'address', null, 'language', null, 'timeZone', null,
                               'germanState', null, 'deceased', false, 'insolvency', false, 'vulnerable', false, 'persona', null,
                               'attributes', '{}'::jsonb, 'optedOutChannels', '[]'::jsonb, 'restrictionReason', cast(:erased as text)))
                            || jsonb_build_object('reason', cast(:erased as text))
                        where jsonb_typeof(package -> 'debtor') = 'object' and case_id in""" + ITS_CASES))
                .invoke(n -> tally.packages = n)
                .chain(() -> session.createNativeQuery("select erase_case_event_texts(:debtorId, :erased)", Integer.class)
                        .setParameter("debtorId", debtorId).setParameter("erased", ERASED).getSingleResult())
                .invoke(n -> tally.redacted = n)
                .chain(() -> update(session, debtorId, """
                        update cases set debtor_name = :erased, pause_reason = null, dispute_reason = null, dispute_evidence = null
                        where debtor_id = :debtorId"""))
                // Counted before the pseudonymization, whose trigger swaps the name's terms for the placeholder's.
                .chain(() -> count(session, debtorId, "select count(*) from search_terms where debtor_id = :debtorId"))
                .invoke(n -> tally.terms = n)
                .chain(() -> pseudonymize(session, debtorId, tally.retainedUntil, now))
                .chain(() -> DebtorRecordsDeletion.schedule(session, caller.tenantId(), debtorId, tally.retainedUntil))
                .chain(() -> update(session, debtorId, "delete from debtor_consents where debtor_id = :debtorId"))
                .invoke(n -> tally.consents = n)
                .chain(() -> update(session, debtorId, "delete from search_terms where debtor_id = :debtorId"))
                .chain(() -> {
                    LocalDate until = tally.retainedUntil;
                    DebtorErased event = new DebtorErased(debtorId, until, caseCount, tally.claims, why);
                    String text = "the debtor's personal data was erased (Art. 17 GDPR): %s; %s".formatted(why, until == null
                            ? "nothing is retained" : "its records are kept under retention duties until " + until);
                    return changes.record(session, caller, debtorId, DebtorChanges.ALL, event, text, correlationId, now);
                })
                .map(written -> new Erasure(debtorId, now, tally.retainedUntil, caseCount, tally.claims, tally.payments, tally.contacts,
                        tally.packages, tally.redacted, tally.consents, tally.terms));
    }

    /** What erasure found and changed, step by step. */
    private static final class Tally {
        LocalDate retainedUntil;
        int claims;
        int payments;
        int contacts;
        int packages;
        int redacted;
        int consents;
        int terms;
    }

    private static Uni<Void> pseudonymize(Mutiny.Session session, UUID debtorId, LocalDate until, Instant now) {
        var query = session.createNativeQuery("""
                        update debtors set name = :erased, external_reference = 'erased:' || id::text,
                               emails = '{}', phones = '{}', street = null, postal_code = null, city = null, country = null,
                               language = null, time_zone = null, german_state = null, deceased = false, insolvency = false,
                               vulnerable = false, persona = null, attributes = '{}', opted_out_channels = '{}',
                               restricted_at = coalesce(restricted_at, :now), restriction_reason = :erased,
                               erased_at = :now, retained_until = %s, updated_at = :now
                        where id = :debtorId""".formatted(until == null ? "null" : ":until"))
                .setParameter("erased", ERASED)
                .setParameter("debtorId", debtorId)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (until != null) {
            query.setParameter("until", until);
        }
        return query.executeUpdate().replaceWithVoid();
    }

    private static Uni<Integer> update(Mutiny.Session session, UUID debtorId, String sql) {
        var query = session.createNativeQuery(sql).setParameter("debtorId", debtorId);
        if (sql.contains(":erased")) {
            query.setParameter("erased", ERASED);
        }
        return query.executeUpdate();
    }

    private static Uni<Integer> count(Mutiny.Session session, UUID debtorId, String sql) {
        return session.createNativeQuery(sql, Long.class).setParameter("debtorId", debtorId).getSingleResult().map(Long::intValue);
    }

    private static Uni<List<LocalDate>> dates(Mutiny.Session session, UUID debtorId, ZoneId zone, String sql) {
        return session.createNativeQuery(sql, LocalDate.class).setParameter("debtorId", debtorId)
                .setParameter("zone", zone.getId()).getResultList();
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.invalid("reason", "is required: say whose request or which ground it rests on");
        }
        if (why.length() > MAX_REASON) {
            throw ApiException.invalid("reason", "must be at most %d characters".formatted(MAX_REASON));
        }
        return why;
    }
}
