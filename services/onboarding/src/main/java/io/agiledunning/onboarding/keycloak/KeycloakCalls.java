package io.agiledunning.onboarding.keycloak;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Runs blocking Keycloak admin-client calls on a worker thread and continues on the caller's Vert.x
 * context (where Hibernate Reactive sessions live). Keycloak being unreachable becomes UNAVAILABLE.
 */
public final class KeycloakCalls {

    private static final Logger LOG = Logger.getLogger(KeycloakCalls.class);

    private KeycloakCalls() {
    }

    public static <T> Uni<T> call(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> onWorker = Uni.createFrom().item(() -> {
                    try {
                        return work.get();
                    } catch (ProcessingException e) {
                        LOG.warnf("Keycloak unreachable: %s", e.toString());
                        throw new ApiException(ErrorCode.UNAVAILABLE, "the identity provider is unreachable; please retry");
                    } catch (WebApplicationException e) {
                        throw unexpected("a request", e.getResponse().getStatus());
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? onWorker : onWorker.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    public static ApiException unexpected(String action, int status) {
        LOG.errorf("Keycloak answered HTTP %d to %s", status, action);
        return new ApiException(ErrorCode.UNAVAILABLE, "the identity provider refused " + action + "; please retry");
    }
}
