package io.agiledunning.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.events.EventType;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * How a change of a debtor (who has no timeline of its own) is recorded: on the timeline of the debtor's cases and
 * as an event through the outbox, keyed by the debtor, in the caller's transaction.
 */
@ApplicationScoped
public class DebtorChanges {

    /** The cases a change of the debtor concerns. */
    public static final Predicate<Case> UNFINISHED = c -> !c.status().isTerminal();
    public static final Predicate<Case> ALL = c -> true;

    private final DebtorRepository debtors;
    private final CaseRepository cases;
    private final Outbox outbox;
    private final ObjectMapper json;

    public DebtorChanges(DebtorRepository debtors, CaseRepository cases, Outbox outbox, ObjectMapper json) {
        this.debtors = debtors;
        this.cases = cases;
        this.outbox = outbox;
        this.json = json;
    }

    /** @throws ApiException NOT_FOUND for a missing or another tenant's debtor, CONFLICT for an erased one */
    public Uni<Debtor> live(Mutiny.Session session, UUID debtorId) {
        return debtors.findForChange(session, debtorId).map(found -> {
            Debtor debtor = found.orElseThrow(() -> ApiException.notFound("debtor", debtorId));
            if (debtor.erased()) {
                throw new ApiException(ErrorCode.CONFLICT, "debtor %s was erased on %s: its data can no longer change"
                        .formatted(debtorId, debtor.erasedAt()));
            }
            return debtor;
        });
    }

    /**
     * Appends {@code text} with the event's data to the timeline of the debtor's cases that {@code concerned} selects
     * and the event to the outbox. @return the cases written to
     */
    public Uni<List<Case>> record(Mutiny.Session session, TenantContext caller, UUID debtorId, Predicate<Case> concerned,
                                  DomainEvent event, String text, String correlationId, Instant now) {
        String type = EventType.of(event).wireName();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = json.convertValue(event, Map.class);
        return cases.ofDebtor(session, debtorId).chain(all -> {
            List<Case> chosen = all.stream().filter(concerned).toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Case c : chosen) {
                chain = chain.chain(() -> cases.append(session, CaseEvent.record(caller.tenantId(), c.id(), type, c.status(),
                        c.status(), text, data, caller.subject(), now)).replaceWithVoid());
            }
            return chain.chain(() -> outbox.append(session, caller.tenantId(), debtorId, event, correlationId)).replaceWith(chosen);
        });
    }
}
