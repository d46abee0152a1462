package io.agiledunning.cases.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.api.CaseStatementView;
import io.agiledunning.cases.api.DebtorView;
import io.agiledunning.cases.law.BaseRateTable;
import io.agiledunning.cases.lifecycle.CaseCommand;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.service.CaseLaw;
import io.agiledunning.cases.service.StatementService;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.HandoverStatusReported;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes the handover package in the transaction of the handover (every path that hands a case over goes through
 * {@code CaseService.record}), serves it to the tenant as JSON or CSV (the download channel; drop folder and webhook:
 * {@link HandoverDelivery}), and records the agency's status reports.
 */
@ApplicationScoped
public class HandoverPackages {

    /** What an agency may report about a case it took over. */
    public static final Set<String> AGENCY_STATUSES = Set.of("RECEIVED", "ACCEPTED", "REJECTED", "IN_PROGRESS",
            "PAID", "SETTLED", "CLOSED_UNSUCCESSFUL");

    private final CaseLaw law;
    private final CaseRepository cases;
    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final TenantCalendar calendar;
    private final Clock clock;

    public HandoverPackages(CaseLaw law, CaseRepository cases, TenantTransactions transactions, Outbox outbox,
                            ObjectMapper json, TenantCalendar calendar, Clock clock) {
        this.law = law;
        this.cases = cases;
        this.transactions = transactions;
        this.outbox = outbox;
        this.json = json;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Snapshots the package of a case being handed over now; a repeated handover keeps the first package. On a
     * DROP_FOLDER or WEBHOOK channel the package is queued for {@link HandoverDelivery} in the same transaction.
     */
    public Uni<Void> take(Mutiny.Session session, TenantId tenant, Case c, CaseCommand.HandOver command, Instant now) {
        return law.of(session, c).chain(facts -> contacts(session, c.id()).chain(contacts -> HandoverSettings.of(session).chain(settings ->
                calendar.dayOf(session, now).chain(day -> {
            StatedAs stated = statement(facts, day);
            HandoverPackage.Creditor creditor = settings.creditorName() == null && settings.creditorImprint() == null
                    ? null : new HandoverPackage.Creditor(settings.creditorName(), settings.creditorImprint());
            HandoverPackage handover = new HandoverPackage(HandoverPackage.FORMAT, tenant.value(), c.id(), now,
                    command.recipient(), command.reason(), facts.debtor().map(DebtorView::of).orElse(null),
                    CaseStatementView.of(stated.statement()), stated.note(), contacts, new HandoverPackage.AgencyStatus("SENT", null, now),
                    creditor);
            return session.createNativeQuery("""
                            insert into handover_packages (id, tenant_id, case_id, handed_over_at, recipient, package)
                            values (:id, :tenant, :caseId, :at, :recipient, cast(cast(:package as text) as jsonb))
                            on conflict (tenant_id, case_id) do nothing""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("tenant", tenant.value())
                    .setParameter("caseId", c.id())
                    .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter("recipient", command.recipient())
                    .setParameter("package", write(handover))
                    .executeUpdate()
                    .chain(taken -> taken == 0 || !settings.delivered() ? Uni.createFrom().voidItem()
                            : HandoverDelivery.queue(session, tenant, c.id(), settings, now));
        }))));
    }

    /** @throws ApiException NOT_FOUND for a case without package (not handed over) or another tenant's */
    public Uni<HandoverPackage> get(TenantContext caller, UUID caseId) {
        return transactions.inTransaction(caller.tenantId(), session -> stored(session, caseId));
    }

    /** The package as CSV: one line per claim with its figures, for agencies that import spreadsheets. */
    public Uni<String> csv(TenantContext caller, UUID caseId) {
        return get(caller, caseId).map(HandoverCsv::of);
    }

    /**
     * Records what the agency reports (on the package and the case's timeline, as {@code HandoverStatusReported}).
     *
     * @throws ApiException VALIDATION for an unknown status; NOT_FOUND as {@link #get}
     */
    public Uni<HandoverPackage> report(TenantContext caller, UUID caseId, String status, String reference, String note,
                                       String correlationId) {
        if (status == null || !AGENCY_STATUSES.contains(status)) {
            return Uni.createFrom().failure(ApiException.invalid("status", "must be one of %s, got '%s'"
                    .formatted(AGENCY_STATUSES.stream().sorted().toList(), status)));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> stored(session, caseId).chain(handover -> {
            String agencyReference = reference != null ? reference : handover.agency().reference();
            HandoverPackage updated = handover.withAgency(new HandoverPackage.AgencyStatus(status, agencyReference, now));
            HandoverStatusReported event = new HandoverStatusReported(caseId, status, agencyReference, note == null ? "" : note);
            return session.createNativeQuery("""
                            update handover_packages set agency_status = :status, agency_reference = :reference,
                                   status_updated_at = :at, package = cast(cast(:package as text) as jsonb)
                            where case_id = :caseId""")
                    .setParameter("status", status)
                    .setParameter("reference", agencyReference)
                    .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter("package", write(updated))
                    .setParameter("caseId", caseId)
                    .executeUpdate()
                    .chain(() -> cases.findById(session, caseId))
                    .chain(found -> {
                        Case c = found.orElseThrow(() -> ApiException.notFound("case", caseId));
                        String reason = "agency %s reports %s%s".formatted(handover.recipient(), status,
                                note == null || note.isBlank() ? "" : ": " + note);
                        return cases.append(session, CaseEvent.record(caller.tenantId(), caseId, "HandoverStatusReported",
                                c.status(), c.status(), reason, json.convertValue(event, Map.class), caller.subject(), now));
                    })
                    .chain(() -> outbox.append(session, caller.tenantId(), caseId, event, correlationId))
                    .replaceWith(updated);
        }));
    }

    private record StatedAs(StatementService.CaseStatement statement, String note) {
    }

    /** As of the handover day; if a base rate that day needs is not in the table yet, as of the last day it covers. */
    private static StatedAs statement(CaseLaw.Facts facts, LocalDate day) {
        BaseRateTable table = facts.engine().baseRates();
        if (day.isAfter(table.lastCoveredDay())) {
            LocalDate last = table.lastCoveredDay();
            return new StatedAs(StatementService.compute(facts, last), ("stated as of %s: the base rate from %s is not in "
                    + "the table yet; interest after that day is to be added").formatted(last, last.plusDays(1)));
        }
        return new StatedAs(StatementService.compute(facts, day), "");
    }

    Uni<HandoverPackage> stored(Mutiny.Session session, UUID caseId) {
        return session.createNativeQuery("select package::text from handover_packages where case_id = :caseId", String.class)
                .setParameter("caseId", caseId)
                .getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("handover package of case", caseId);
                    }
                    return read(rows.getFirst());
                });
    }

    private static Uni<List<HandoverPackage.Contact>> contacts(Mutiny.Session session, UUID caseId) {
        return session.createNativeQuery("""
                        select requested_at, step_key, channel, template from dunning_contacts
                        where case_id = :caseId order by requested_at""", Object[].class)
                .setParameter("caseId", caseId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new HandoverPackage.Contact(((OffsetDateTime) row[0]).toInstant(),
                        (String) row[1], (String) row[2], (String) row[3])).toList());
    }

    private String write(HandoverPackage handover) {
        try {
            return json.writeValueAsString(handover);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the handover package of case " + handover.caseId(), e);
        }
    }

    private HandoverPackage read(String stored) {
        try {
            return json.readValue(stored, HandoverPackage.class);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.CONFLICT, "the stored handover package cannot be read: " + e.getOriginalMessage());
        }
    }
}
