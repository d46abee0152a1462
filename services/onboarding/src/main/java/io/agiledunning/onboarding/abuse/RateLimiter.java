package io.agiledunning.onboarding.abuse;

import io.agiledunning.common.errors.RateLimitedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sliding-window limits kept in PostgreSQL ({@code rate_limit_hits}), so every replica counts the same calls. Per
 * budget a transaction-scoped advisory lock serialises concurrent calls, then the hits inside the window are
 * counted; only when every budget has room is the call recorded in all of them. A refused call records nothing,
 * so the rows per key never exceed its limit; expired rows are removed as calls come in.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int CLEANUP_BATCH = 100;

    private final Mutiny.SessionFactory sessions;
    private final RateLimitConfig config;
    private final Clock clock;

    public RateLimiter(Mutiny.SessionFactory sessions, RateLimitConfig config, Clock clock) {
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    /** @return a failure {@link RateLimitedException} naming the exhausted budget and when to retry, else records the call */
    public Uni<Void> spend(List<RateLimit> limits) {
        long now = clock.millis();
        long since = now - config.window().toMillis();
        return sessions.withTransaction(session -> refusal(session, limits, 0, now, since)
                .chain(refused -> refused != null ? Uni.createFrom().failure(refused) : record(session, limits, now, since)));
    }

    private Uni<RateLimitedException> refusal(Mutiny.Session session, List<RateLimit> limits, int index, long now, long since) {
        if (index == limits.size()) {
            return Uni.createFrom().nullItem();
        }
        RateLimit limit = limits.get(index);
        return session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:lock, 0))) locked", Long.class)
                .setParameter("lock", limit.scope() + "|" + limit.key())
                .getSingleResult()
                .chain(() -> hits(session, "count(*)", limit, since))
                .chain(hits -> hits < limit.limit() ? refusal(session, limits, index + 1, now, since)
                        : hits(session, "min(at_ms)", limit, since).map(oldest -> refused(limit, oldest, now)));
    }

    private static Uni<Long> hits(Mutiny.Session session, String aggregate, RateLimit limit, long since) {
        return session.createNativeQuery("select " + aggregate + " from rate_limit_hits where scope = :scope and key = :key and at_ms > :since",
                        Long.class)
                .setParameter("scope", limit.scope())
                .setParameter("key", limit.key())
                .setParameter("since", since)
                .getSingleResult();
    }

    private RateLimitedException refused(RateLimit limit, long oldestHit, long now) {
        Duration retryAfter = Duration.ofMillis(oldestHit + config.window().toMillis() - now);
        return new RateLimitedException("%s; retry in %d seconds".formatted(limit.what(), RateLimitedException.wholeSeconds(retryAfter)),
                retryAfter);
    }

    private Uni<Void> record(Mutiny.Session session, List<RateLimit> limits, long now, long since) {
        Uni<Integer> done = session.createNativeQuery("""
                        delete from rate_limit_hits where ctid in (select ctid from rate_limit_hits where at_ms <= :since limit :batch)""")
                .setParameter("since", since)
                .setParameter("batch", CLEANUP_BATCH)
                .executeUpdate();
        for (RateLimit limit : limits) {
            done = done.chain(() -> session.createNativeQuery("insert into rate_limit_hits (scope, key, at_ms) values (:scope, :key, :at)")
                    .setParameter("scope", limit.scope())
                    .setParameter("key", limit.key())
                    .setParameter("at", now)
                    .executeUpdate());
        }
        return done.replaceWithVoid();
    }
}
