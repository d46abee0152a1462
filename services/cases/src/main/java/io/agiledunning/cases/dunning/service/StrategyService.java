package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.dunning.StrategyVersion;
import io.agiledunning.cases.dunning.segment.Segment;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.StrategyValidation;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's strategies (draft → published, immutable → archived) and segments. New cases get the newest published
 * version of their segment's strategy; running cases keep theirs.
 */
@ApplicationScoped
public class StrategyService {

    private final TenantTransactions transactions;
    private final StrategyCatalog catalog;
    private final Clock clock;
    private final ObjectMapper json;

    public StrategyService(TenantTransactions transactions, StrategyCatalog catalog, Clock clock, ObjectMapper json) {
        this.transactions = transactions;
        this.catalog = catalog;
        this.clock = clock;
        this.json = json;
    }

    /** A new draft: version 1 of a new key, or the next version of an existing one. */
    public Uni<StrategyVersion> createDraft(TenantContext caller, Strategy strategy) {
        if (strategy == null || strategy.key() == null || strategy.key().isBlank()) {
            return Uni.createFrom().failure(ApiException.invalid("key", "is required"));
        }
        return transactions.inTransaction(caller.tenantId(), session -> session.createSelectionQuery(
                                "select coalesce(max(version), 0) from StrategyVersion where key = :key", Integer.class)
                        .setParameter("key", strategy.key())
                        .getSingleResult()
                        .chain(latest -> {
                            StrategyVersion draft = StrategyVersion.draft(caller.tenantId(), strategy, latest + 1, caller.subject(), clock.instant());
                            return session.persist(draft).replaceWith(draft);
                        }));
    }

    public Uni<StrategyVersion> revise(TenantContext caller, UUID id, Strategy strategy) {
        return change(caller, id, version -> {
            if (version.status() != StrategyVersion.Status.DRAFT) {
                throw new ApiException(ErrorCode.CONFLICT, "strategy %s version %d is %s; create a new draft to change it"
                        .formatted(version.key(), version.version(), version.status()));
            }
            if (!version.key().equals(strategy.key())) {
                throw ApiException.invalid("key", "a draft keeps its key '%s'".formatted(version.key()));
            }
            version.revise(strategy);
        });
    }

    /** @throws ApiException VALIDATION with every problem of the definition, CONFLICT unless it is a draft */
    public Uni<StrategyVersion> publish(TenantContext caller, UUID id) {
        return change(caller, id, version -> {
            if (version.status() != StrategyVersion.Status.DRAFT) {
                throw new ApiException(ErrorCode.CONFLICT, "only a draft can be published; version %d is %s"
                        .formatted(version.version(), version.status()));
            }
            requireValid(version.strategy());
            version.publish(clock.instant());
        });
    }

    public Uni<StrategyVersion> archive(TenantContext caller, UUID id) {
        return change(caller, id, version -> {
            if (version.status() != StrategyVersion.Status.PUBLISHED) {
                throw new ApiException(ErrorCode.CONFLICT, "only a published version can be archived; version %d is %s"
                        .formatted(version.version(), version.status()));
            }
            version.archive(clock.instant());
        });
    }

    public Uni<StrategyVersion> get(TenantContext caller, UUID id) {
        return transactions.inTransaction(caller.tenantId(), session -> find(session, id));
    }

    /** All versions of all keys, by key and version. */
    public Uni<List<StrategyVersion>> list(TenantContext caller) {
        return transactions.inTransaction(caller.tenantId(), session -> session.createSelectionQuery(
                "from StrategyVersion order by key, version", StrategyVersion.class).getResultList());
    }

    public Uni<Segment> saveSegment(TenantContext caller, Segment segment) {
        String rule;
        try {
            rule = json.writeValueAsString(segment.rule());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(ApiException.invalid("rule", "cannot be stored: " + e.getOriginalMessage()));
        }
        return transactions.inTransaction(caller.tenantId(), session -> session.createNativeQuery("""
                        insert into dunning_segments (id, tenant_id, key, priority, rule, strategy_key, control_share,
                                                      control_strategy_key, created_at)
                        values (:id, :tenant, :key, :priority, cast(cast(:rule as text) as jsonb), :strategy, :share, :control, :now)
                        on conflict (tenant_id, key) do update set priority = excluded.priority, rule = excluded.rule,
                            strategy_key = excluded.strategy_key, control_share = excluded.control_share,
                            control_strategy_key = excluded.control_strategy_key""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("tenant", caller.tenantId().value())
                .setParameter("key", segment.key())
                .setParameter("priority", segment.priority())
                .setParameter("rule", rule)
                .setParameter("strategy", segment.strategyKey())
                .setParameter("share", segment.controlShare())
                .setParameter("control", segment.controlStrategyKey())
                .setParameter("now", DueIndex.utc(clock.instant()))
                .executeUpdate()
                .replaceWith(segment));
    }

    public Uni<List<Segment>> segments(TenantContext caller) {
        return transactions.inTransaction(caller.tenantId(), catalog::segments);
    }

    public static void requireValid(Strategy strategy) {
        List<FieldError> problems = StrategyValidation.problems(strategy);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private Uni<StrategyVersion> change(TenantContext caller, UUID id, java.util.function.Consumer<StrategyVersion> change) {
        return transactions.inTransaction(caller.tenantId(), session -> find(session, id).invoke(change));
    }

    private static Uni<StrategyVersion> find(org.hibernate.reactive.mutiny.Mutiny.Session session, UUID id) {
        return session.createSelectionQuery("from StrategyVersion where id = :id", StrategyVersion.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .map(found -> {
                    if (found == null) {
                        throw ApiException.notFound("strategy", id);
                    }
                    return found;
                });
    }
}
