package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.DebtorConsent;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.ClaimRepository;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.cases.repository.PaymentRepository;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything the cases service holds about one debtor, read in one tenant transaction, for the debtor's right of access
 * and to data portability (Art. 15, 20 GDPR; docs/cases.md, "Data protection").
 */
@ApplicationScoped
public class DebtorDataExport {

    /** One contact the dunning engine asked for (a reminder sent, as far as the cases service knows). */
    public record Contact(UUID caseId, Instant requestedAt, String step, String channel, String template) {
    }

    /** A handover package as stored (JSON), with the agency's last status. */
    public record Handover(UUID caseId, Instant handedOverAt, String recipient, String agencyStatus, String packageJson) {
    }

    public record DebtorData(Instant exportedAt, Debtor debtor, List<DebtorConsent> consents, List<Case> cases,
                             List<Claim> claims, List<CaseEvent> timeline, List<PaymentRepository.Allocated> payments,
                             List<Contact> contacts, List<Handover> handovers) {
    }

    private final TenantTransactions transactions;
    private final DebtorRepository debtors;
    private final CaseRepository cases;
    private final ClaimRepository claims;
    private final PaymentRepository payments;
    private final Clock clock;

    public DebtorDataExport(TenantTransactions transactions, DebtorRepository debtors, CaseRepository cases, ClaimRepository claims,
                            PaymentRepository payments, Clock clock) {
        this.transactions = transactions;
        this.debtors = debtors;
        this.cases = cases;
        this.claims = claims;
        this.payments = payments;
        this.clock = clock;
    }

    /** @throws ApiException NOT_FOUND for a missing or another tenant's debtor */
    public Uni<DebtorData> export(TenantContext caller, UUID debtorId) {
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> debtors.findById(session, debtorId).chain(found -> {
            Debtor debtor = found.orElseThrow(() -> ApiException.notFound("debtor", debtorId));
            History history = new History();
            return DebtorPreferences.stored(session, debtorId).invoke(history.consents::addAll)
                    .chain(() -> cases.ofDebtor(session, debtorId)).invoke(history.cases::addAll)
                    .chain(() -> claims.ofDebtor(session, debtorId)).invoke(history.claims::addAll)
                    .chain(() -> perCase(session, history))
                    .chain(() -> contacts(session, debtorId)).invoke(history.contacts::addAll)
                    .chain(() -> handovers(session, debtorId))
                    .map(handovers -> new DebtorData(now, debtor, history.consents, history.cases, history.claims, history.timeline,
                            history.payments, history.contacts, handovers));
        }));
    }

    /** What the export read so far. */
    private static final class History {
        final List<DebtorConsent> consents = new ArrayList<>();
        final List<Case> cases = new ArrayList<>();
        final List<Claim> claims = new ArrayList<>();
        final List<CaseEvent> timeline = new ArrayList<>();
        final List<PaymentRepository.Allocated> payments = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
    }

    private Uni<Void> perCase(Mutiny.Session session, History history) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Case c : history.cases) {
            chain = chain.chain(() -> cases.timeline(session, c.id()).invoke(history.timeline::addAll))
                    .chain(() -> payments.ofCase(session, c.id()).invoke(history.payments::addAll))
                    .replaceWithVoid();
        }
        return chain;
    }

    private static Uni<List<Contact>> contacts(Mutiny.Session session, UUID debtorId) {
        return session.createNativeQuery("""
                        select case_id, requested_at, step_key, channel, template from dunning_contacts
                        where debtor_id = :debtorId or case_id in (select id from cases where debtor_id = :debtorId)
                        order by requested_at, id""", Object[].class)
                .setParameter("debtorId", debtorId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Contact((UUID) row[0], ((OffsetDateTime) row[1]).toInstant(),
                        (String) row[2], (String) row[3], (String) row[4])).toList());
    }

    private static Uni<List<Handover>> handovers(Mutiny.Session session, UUID debtorId) {
        return session.createNativeQuery("""
                        select case_id, handed_over_at, recipient, agency_status, package::text from handover_packages
                        where case_id in (select id from cases where debtor_id = :debtorId) order by handed_over_at, id""", Object[].class)
                .setParameter("debtorId", debtorId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Handover((UUID) row[0], ((OffsetDateTime) row[1]).toInstant(),
                        (String) row[2], (String) row[3], (String) row[4])).toList());
    }
}
