package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.law.AllocationLine;
import io.agiledunning.cases.law.BaseRateTable;
import io.agiledunning.cases.law.ClaimStatement;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.law.LegalEngine;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.PaymentRepository;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The legal statement of a case's claims as of a day, computed by the {@link LegalEngine} with the tenant's legal
 * settings from what the case knows ({@link CaseLaw}): each claim's principal, issue date (taken as the day the claim
 * arose and the day the debtor received the invoice), due date and § 286(3) notice, the reminders the dunning engine
 * sent, the debtor's kind, and the payments recorded for the case with their stored allocations
 * ({@link PaymentAllocationService}). Calendar-fixed due dates are not known yet. The claim's own {@code paid}
 * amount (what the tenant received before placing it, undated) is shown beside the statement but neither allocated
 * nor deducted (see docs/domain.md, "Statement").
 */
@ApplicationScoped
public class StatementService {

    /** One claim of the case with its statement. */
    public record ClaimEntry(Claim claim, io.agiledunning.cases.law.Claim facts, ClaimStatement statement) {
    }

    /**
     * @param debtorKind       empty for a case without claims
     * @param payments         the case's payments up to {@code asOf}, oldest first, with their stored allocations
     * @param settingsVersion  the version of the tenant's legal settings computed with (0: the platform defaults)
     */
    public record CaseStatement(Case c, LocalDate asOf, Optional<DebtorKind> debtorKind, List<ClaimEntry> claims,
                                List<PaymentRepository.Allocated> payments, int settingsVersion) {
    }

    private final TenantTransactions transactions;
    private final CaseRepository cases;
    private final CaseLaw law;
    private final TenantCalendar calendar;

    public StatementService(TenantTransactions transactions, CaseRepository cases, CaseLaw law, TenantCalendar calendar) {
        this.transactions = transactions;
        this.cases = cases;
        this.law = law;
        this.calendar = calendar;
    }

    /**
     * @throws ApiException NOT_FOUND for a missing or another tenant's case; VALIDATION (field {@code asOf}) for a
     *                      day after today (the tenant's, {@link TenantCalendar}) or one whose interest needs a base rate not yet in the table
     */
    public Uni<CaseStatement> statement(TenantContext caller, UUID caseId, LocalDate asOf) {
        return transactions.inTransaction(caller.tenantId(), session -> calendar.today(session).chain(today -> {
            if (asOf.isAfter(today)) {
                return Uni.createFrom().failure(ApiException.invalid("asOf", "must not be after today (%s)".formatted(today)));
            }
            return cases.findById(session, caseId)
                    .chain(found -> law.of(session, found.orElseThrow(() -> ApiException.notFound("case", caseId))))
                    .map(facts -> compute(facts, asOf));
        }));
    }

    /** The statement of a case already read (see {@link CaseLaw}). @throws ApiException as {@link #statement} */
    public static CaseStatement compute(CaseLaw.Facts facts, LocalDate asOf) {
        LegalEngine engine = facts.engine();
        List<PaymentRepository.Allocated> paid = facts.payments().stream()
                .filter(p -> !p.payment().paidOn().isAfter(asOf)).toList();
        List<AllocationLine> lines = facts.allocationLines().stream().filter(line -> !line.paidOn().isAfter(asOf)).toList();
        List<ClaimEntry> entries = new ArrayList<>();
        for (Claim claim : facts.claims()) {
            if (!"EUR".equals(claim.currencyCode())) {
                // The statutory fees (e.g. the § 288(5) flat fee) are EUR amounts; other currencies are not modelled.
                throw new ApiException(ErrorCode.CONFLICT, "the statement covers EUR claims only; claim %s is in %s"
                        .formatted(claim.externalReference(), claim.currencyCode()));
            }
            io.agiledunning.cases.law.Claim claimFacts = facts.facts(claim);
            ClaimStatement statement;
            try {
                statement = engine.statement(claimFacts, lines, asOf);
            } catch (BaseRateTable.MissingBaseRateException e) {
                throw missingBaseRate(engine.baseRates(), asOf);
            }
            entries.add(new ClaimEntry(claim, claimFacts, statement));
        }
        Optional<DebtorKind> kind = facts.debtor().map(Debtor::kind);
        return new CaseStatement(facts.theCase(), asOf, kind, List.copyOf(entries), paid, facts.legal().version());
    }

    static ApiException missingBaseRate(BaseRateTable table, LocalDate asOf) {
        String reason;
        if (asOf.isAfter(table.lastCoveredDay())) {
            reason = "statement as of %s needs the base rate from %s, which is not yet in the table"
                    .formatted(asOf, table.lastCoveredDay().plusDays(1));
        } else {
            reason = "statement as of %s needs a base rate the table does not have (it starts on %s)"
                    .formatted(asOf, table.firstCoveredDay());
        }
        return new ApiException(ErrorCode.VALIDATION, "asOf: " + reason, List.of(new FieldError("asOf", reason)));
    }
}
