package io.agiledunning.api.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the caller's own access token to the service, so each service verifies the token itself and sees
 * the same tenant and roles (no service trusts the API's word for who is calling).
 */
public class PropagateCallerToken implements ClientRequestFilter {

    @Inject
    CurrentIdentityAssociation identity;

    public PropagateCallerToken() {
    }

    /** For clients built at run time, where nothing injects the provider. */
    public PropagateCallerToken(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getIdentity().getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
