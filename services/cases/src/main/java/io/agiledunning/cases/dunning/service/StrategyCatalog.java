package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.dunning.StrategyRef;
import io.agiledunning.cases.dunning.StrategyVersion;
import io.agiledunning.cases.dunning.segment.Segment;
import io.agiledunning.cases.dunning.segment.SegmentRule;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.StrategyJson;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strategies and segments as the engine reads them, always inside the tenant's transaction (row-level security
 * applies). Published versions never change, so they are cached — keyed by tenant and id, so a cache hit can never
 * hand one tenant's strategy to another.
 */
@ApplicationScoped
public class StrategyCatalog {

    public static final Strategy BUILT_IN = StrategyJson.builtInDefault();
    public static final StrategyRef BUILT_IN_REF = new StrategyRef(null, BUILT_IN.key(), StrategyRef.BUILT_IN_VERSION);

    private final Map<String, Strategy> published = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public StrategyCatalog(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Strategy> strategy(Mutiny.Session session, TenantId tenant, StrategyRef ref) {
        if (ref.builtIn()) {
            return Uni.createFrom().item(BUILT_IN);
        }
        String cacheKey = tenant + "/" + ref.id();
        Strategy cached = published.get(cacheKey);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return session.find(StrategyVersion.class, ref.id()).map(version -> {
            if (version == null || !version.tenantId().equals(tenant)) {
                throw new IllegalStateException("strategy %s of tenant %s not found".formatted(ref.id(), tenant));
            }
            Strategy strategy = version.strategy();
            published.put(cacheKey, strategy);
            return strategy;
        });
    }

    /** The newest published version of {@code key} (null: the built-in default), or empty if none is published. */
    public Uni<Optional<StrategyVersion>> latestPublished(Mutiny.Session session, String key) {
        return session.createSelectionQuery("from StrategyVersion where key = :key and status = :status order by version desc",
                        StrategyVersion.class)
                .setParameter("key", key)
                .setParameter("status", StrategyVersion.Status.PUBLISHED)
                .setMaxResults(1)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    public Uni<List<Segment>> segments(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select key, priority, rule::text, strategy_key, control_share, control_strategy_key
                        from dunning_segments order by priority, key""", Object[].class)
                .getResultList()
                .map(rows -> rows.stream().map(this::segment).toList());
    }

    private Segment segment(Object[] row) {
        try {
            return new Segment((String) row[0], ((Number) row[1]).intValue(), json.readValue((String) row[2], SegmentRule.class),
                    (String) row[3], (BigDecimal) row[4], (String) row[5]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment " + row[0] + " has an unreadable rule", e);
        }
    }
}
