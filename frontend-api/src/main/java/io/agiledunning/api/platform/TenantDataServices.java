package io.agiledunning.api.platform;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services that hold tenant data, each at its {@code quarkus.rest-client.<name>.url}, with one client of the
 * same API each. Exports run as long as the tenant's data takes to stream.
 */
@ApplicationScoped
public class TenantDataServices {

    static final List<String> NAMES = List.of("onboarding", "cases", "payments", "reporting", "communications");

    private final Map<String, TenantDataClient> clients = new LinkedHashMap<>();

    public TenantDataServices(Config config, CurrentIdentityAssociation identity) {
        for (String name : NAMES) {
            String url = config.getValue("quarkus.rest-client.%s.url".formatted(name), String.class);
            clients.put(name, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(url))
                    .connectTimeout(2, TimeUnit.SECONDS)
                    .readTimeout(1, TimeUnit.HOURS)
                    .register(new ServiceErrorMapper())
                    .register(new PropagateCallerToken(identity))
                    .build(TenantDataClient.class));
        }
    }

    /** By service name, in a fixed order. */
    public Map<String, TenantDataClient> all() {
        return clients;
    }
}
