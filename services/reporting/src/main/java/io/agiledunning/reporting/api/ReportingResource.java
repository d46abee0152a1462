package io.agiledunning.reporting.api;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.reporting.CaseStats;
import io.agiledunning.reporting.repository.CaseStatsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

@Path("/api/reporting")
public class ReportingResource {

    private final TenantTransactions transactions;
    private final CaseStatsRepository stats;
    private final CurrentTenant currentTenant;

    public ReportingResource(TenantTransactions transactions, CaseStatsRepository stats, CurrentTenant currentTenant) {
        this.transactions = transactions;
        this.stats = stats;
        this.currentTenant = currentTenant;
    }

    /** Cases placed by the caller's tenant, per currency. */
    @GET
    @Path("/case-stats")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<List<CaseStats>> caseStats() {
        return transactions.inTransaction(currentTenant.require().tenantId(), stats::findAll);
    }
}
