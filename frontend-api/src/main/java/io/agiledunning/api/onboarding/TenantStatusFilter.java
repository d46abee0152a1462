package io.agiledunning.api.onboarding;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Holds every call to a service until {@link TenantStatusGate} lets the caller's tenant through, so a
 * suspended tenant's request fails before it reaches any service, while input the API refuses on its own
 * is still refused first. Registered for all REST clients ({@code @Provider}); the status question
 * itself passes.
 */
@Provider
public class TenantStatusFilter implements ResteasyReactiveClientRequestFilter {

    static final String STATUS_PATH = "/api/tenant-status";

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    TenantStatusGate gate;

    @Override
    public void filter(ResteasyReactiveClientRequestContext request) {
        if (request.getUri().getPath().endsWith(STATUS_PATH)) {
            return;
        }
        request.suspend();
        gate.requireActive(identity.getIdentity()).subscribe().with(ignored -> request.resume(), request::resume);
    }
}
