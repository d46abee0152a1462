package io.agiledunning.cases.service;

import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.placement.DebtorAttributes;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.events.DebtorAttributesChanged;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sets a debtor's own attributes without placing a claim: the tenant's CRM moved a customer to another tier or
 * product. The same rules as in a placement ({@link DebtorAttributes}); the change is on the timeline of the debtor's
 * unfinished cases and published. Segments read attributes when a case's dunning starts (docs/dunning.md, "Segments"),
 * so a change counts for the debtor's cases that have not started yet and for its next ones.
 */
@ApplicationScoped
public class DebtorAttributeChanges {

    private static final String FIELD = "attributes";

    private final TenantTransactions transactions;
    private final DebtorChanges changes;
    private final Clock clock;

    public DebtorAttributeChanges(TenantTransactions transactions, DebtorChanges changes, Clock clock) {
        this.transactions = transactions;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Replaces the debtor's attributes with {@code given} (blank values dropped; empty clears them). The same
     * attributes again change nothing: no timeline entry, no event.
     *
     * @throws ApiException VALIDATION naming each wrong key ({@code attributes.<key>}); NOT_FOUND for a missing or
     *                      another tenant's debtor; CONFLICT for an erased one
     */
    public Uni<Debtor> replace(TenantContext caller, UUID debtorId, Map<String, String> given, String correlationId) {
        SortedMap<String, String> attributes = DebtorAttributes.normalized(given);
        List<FieldError> problems = DebtorAttributes.problems(FIELD, attributes);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ApiException.invalid(problems));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(caller.tenantId(), session -> changes.live(session, debtorId).chain(debtor -> {
            if (!debtor.replaceAttributes(attributes, now)) {
                return Uni.createFrom().item(debtor);
            }
            String text = attributes.isEmpty() ? "the debtor's attributes were cleared"
                    : "the debtor's attributes were set to " + attributes.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            return changes.record(session, caller, debtorId, DebtorChanges.UNFINISHED,
                            new DebtorAttributesChanged(debtorId, attributes), text, correlationId, now)
                    .replaceWith(debtor);
        }));
    }
}
