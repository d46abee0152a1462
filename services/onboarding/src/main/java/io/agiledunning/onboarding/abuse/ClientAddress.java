package io.agiledunning.onboarding.abuse;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's address for rate limits. frontend-api, the only public way in, resolves the client's address (honouring
 * X-Forwarded-For only from its trusted proxies) and sends it as {@code X-Forwarded-For}; onboarding itself is not
 * reachable from outside the cluster, so it takes that header's first entry, else the peer's address.
 */
public final class ClientAddress {

    public static final String HEADER = "X-Forwarded-For";

    private ClientAddress() {
    }

    public static String of(String forwardedFor, HttpServerRequest request) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String first = forwardedFor.split(",")[0].strip();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
