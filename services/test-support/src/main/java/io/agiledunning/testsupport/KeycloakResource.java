package io.agiledunning.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points {@code quarkus.oidc.auth-server-url} at the real Keycloak's {@code agile-dunning} realm
 * (and sets {@code agiledunning.keycloak.url}). Get tokens from {@link TestTenants}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return ServiceConfig.oidc();
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM; stopped by a shutdown hook.
    }
}
