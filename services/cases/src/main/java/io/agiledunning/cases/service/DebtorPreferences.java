package io.agiledunning.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.dunning.strategy.Channel;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.events.DebtorOptOutsChanged;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a debtor told the tenant about being contacted: the channels it opted out of. The dunning engine's guardrails
 * read them before every contact (docs/dunning.md, "Guardrails") and fall back to the step's next channel. Each
 * change is on the timeline of the debtor's unfinished cases and published as {@link DebtorOptOutsChanged}.
 */
@ApplicationScoped
public class DebtorPreferences {

    private final TenantTransactions transactions;
    private final DebtorRepository debtors;
    private final CaseRepository cases;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public DebtorPreferences(TenantTransactions transactions, DebtorRepository debtors, CaseRepository cases, Outbox outbox,
                             ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.debtors = debtors;
        this.cases = cases;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Replaces the debtor's opt-outs with {@code channels}.
     *
     * @throws ApiException VALIDATION (field {@code channels}) for a channel that does not exist; NOT_FOUND for a
     *                      missing or another tenant's debtor
     */
    public Uni<Debtor> optOut(TenantContext caller, UUID debtorId, Collection<String> channels, String reason,
                              String correlationId) {
        Set<String> chosen = new TreeSet<>();
        for (String channel : channels) {
            if (Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
                return Uni.createFrom().failure(ApiException.invalid("channels", "must be among %s, got '%s'"
                        .formatted(Arrays.toString(Channel.values()), channel)));
            }
            chosen.add(channel);
        }
        String why = reason == null || reason.isBlank() ? "" : reason.strip();
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> debtors.findById(session, debtorId).chain(found -> {
            Debtor debtor = found.orElseThrow(() -> ApiException.notFound("debtor", debtorId));
            debtor.optOut(chosen, now);
            DebtorOptOutsChanged event = new DebtorOptOutsChanged(debtorId, List.copyOf(chosen), why);
            String text = (chosen.isEmpty() ? "the debtor may be contacted on every channel again"
                    : "the debtor opted out of " + String.join(", ", chosen)) + (why.isEmpty() ? "" : " (" + why + ")");
            return cases.ofDebtor(session, debtorId)
                    .chain(list -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Case c : list.stream().filter(c -> !c.status().isTerminal()).toList()) {
                            chain = chain.chain(() -> cases.append(session, CaseEvent.record(caller.tenantId(), c.id(),
                                    "DebtorOptOutsChanged", c.status(), c.status(), text, data(event), caller.subject(), now))
                                    .replaceWithVoid());
                        }
                        return chain;
                    })
                    .chain(() -> outbox.append(session, caller.tenantId(), debtorId, event, correlationId))
                    .replaceWith(debtor);
        }));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(DebtorOptOutsChanged event) {
        return json.convertValue(event, Map.class);
    }
}
