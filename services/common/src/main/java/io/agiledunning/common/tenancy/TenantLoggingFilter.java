package io.agiledunning.common.tenancy;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every log line of a request names its tenant (JSON logs field {@code tenantId}); never a debtor. */
public class TenantLoggingFilter {

    private final CurrentTenant currentTenant;

    public TenantLoggingFilter(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @ServerRequestFilter
    public void putTenantIntoLogContext(ContainerRequestContext request) {
        try {
            currentTenant.find().ifPresentOrElse(
                    tenant -> MDC.put("tenantId", tenant.tenantId().toString()),
                    () -> MDC.remove("tenantId"));
        } catch (RuntimeException malformedToken) {
            MDC.remove("tenantId"); // the endpoint itself refuses the request
        }
    }
}
