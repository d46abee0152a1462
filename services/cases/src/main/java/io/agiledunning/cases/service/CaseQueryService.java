package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.query.CaseQuery;
import io.agiledunning.cases.query.CaseSearch;
import io.agiledunning.cases.query.DebtorSearch;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.ClaimRepository;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** Reads of case and debtor lists and of a debtor's cases and claims, each in one tenant transaction. */
@ApplicationScoped
public class CaseQueryService {

    private final TenantTransactions transactions;
    private final CaseSearch caseSearch;
    private final DebtorSearch debtorSearch;
    private final DebtorRepository debtors;
    private final CaseRepository cases;
    private final ClaimRepository claims;
    private final TenantCalendar calendar;

    public CaseQueryService(TenantTransactions transactions, CaseSearch caseSearch, DebtorSearch debtorSearch,
                            DebtorRepository debtors, CaseRepository cases, ClaimRepository claims, TenantCalendar calendar) {
        this.transactions = transactions;
        this.caseSearch = caseSearch;
        this.debtorSearch = debtorSearch;
        this.debtors = debtors;
        this.cases = cases;
        this.claims = claims;
        this.calendar = calendar;
    }

    /** Days past due count to the tenant's today ({@link TenantCalendar}), as the lifecycle's dates. */
    public Uni<Page<CaseSearch.Found>> cases(TenantContext caller, CaseQuery query, int first, String after) {
        return transactions.inTransaction(caller.tenantId(), session -> calendar.today(session)
                .chain(today -> caseSearch.search(session, query, first, after, today)));
    }

    public Uni<Page<Debtor>> debtors(TenantContext caller, String text, String persona, PageRequest request) {
        return transactions.inTransaction(caller.tenantId(), session -> debtorSearch.search(session, text, persona, request));
    }

    /** @throws ApiException NOT_FOUND for a missing or another tenant's debtor */
    public Uni<List<Case>> casesOfDebtor(TenantContext caller, UUID debtorId) {
        return ofDebtor(caller, debtorId, cases::ofDebtor);
    }

    /** Withdrawn claims included. @throws ApiException NOT_FOUND for a missing or another tenant's debtor */
    public Uni<List<Claim>> claimsOfDebtor(TenantContext caller, UUID debtorId) {
        return ofDebtor(caller, debtorId, claims::ofDebtor);
    }

    private <T> Uni<List<T>> ofDebtor(TenantContext caller, UUID debtorId, BiFunction<Mutiny.Session, UUID, Uni<List<T>>> read) {
        return transactions.inTransaction(caller.tenantId(), session -> debtors.findById(session, debtorId)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().failure(ApiException.notFound("debtor", debtorId))
                        : read.apply(session, debtorId)));
    }
}
