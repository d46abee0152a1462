package io.agiledunning.cases.service;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Reactive work (Hibernate Reactive sessions need a Vert.x context) awaited from a blocking thread, a scheduler's
 * worker: the work runs on a new duplicated context and this thread waits for it. Its failure comes back as it was,
 * an {@link Error} wrapped, so callers catch {@code Exception} only.
 */
public final class OnVertxContext {

    private OnVertxContext() {
    }

    public static <T> T await(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw e instanceof Exception exception ? exception : new IllegalStateException(e);
        }
    }
}
