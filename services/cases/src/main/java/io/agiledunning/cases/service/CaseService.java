package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.CaseOpened;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final TenantTransactions transactions;
    private final CaseRepository cases;
    private final Outbox outbox;
    private final Clock clock;

    public CaseService(TenantTransactions transactions, CaseRepository cases, Outbox outbox, Clock clock) {
        this.transactions = transactions;
        this.cases = cases;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens a case and records {@code CaseOpened} in the same transaction. */
    public Uni<Case> open(TenantContext caller, String externalReference, String debtorName, Money outstanding, String correlationId) {
        if (outstanding.isNegative()) {
            return Uni.createFrom().failure(ApiException.invalid("amount", "must not be negative"));
        }
        return transactions.inTransaction(caller.tenantId(), session -> cases.findByExternalReference(session, externalReference)
                .chain(existing -> {
                    if (existing.isPresent()) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                                "a case with external reference '%s' exists already".formatted(externalReference)));
                    }
                    Case opened = Case.open(caller.tenantId(), externalReference, debtorName, outstanding, caller.subject(), clock.instant());
                    return cases.persist(session, opened)
                            .call(c -> outbox.append(session, caller.tenantId(), c.id(),
                                    new CaseOpened(c.id(), c.externalReference(), c.debtorName(), c.outstanding()), correlationId))
                            // No debtor data in logs: the id and the amount say enough (tenant and trace ids come from the MDC).
                            .invoke(c -> LOG.infof("Case %s opened over %s", c.id(), c.outstanding()));
                }));
    }

    /** @throws ApiException NOT_FOUND alike for a missing case and another tenant's case */
    public Uni<Case> get(TenantContext caller, UUID caseId) {
        return transactions.inTransaction(caller.tenantId(), session -> cases.findById(session, caseId))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("case", caseId)));
    }

    public Uni<Page<Case>> list(TenantContext caller, PageRequest request) {
        return transactions.inTransaction(caller.tenantId(), session -> cases.list(session, request));
    }
}
