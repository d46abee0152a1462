package io.agiledunning.api.onboarding;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The address of the client calling the API, for onboarding's rate limits. Behind a reverse proxy Quarkus takes it
 * from {@code X-Forwarded-For}, but only when the proxy is one of {@code quarkus.http.proxy.trusted-proxies}
 * (application.properties): a client talking to the API directly cannot choose its own address.
 */
@ApplicationScoped
public class ClientAddresses {

    private final CurrentVertxRequest request;

    public ClientAddresses(CurrentVertxRequest request) {
        this.request = request;
    }

    /** @return the client's address, or null outside an HTTP request */
    public String current() {
        RoutingContext context = request.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return null;
        }
        return context.request().remoteAddress().hostAddress();
    }
}
