package io.agiledunning.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.law.AllocationLine;
import io.agiledunning.cases.law.BaseRateTable;
import io.agiledunning.cases.law.Payment;
import io.agiledunning.cases.law.PaymentAllocation;
import io.agiledunning.cases.payment.AllocationEntry;
import io.agiledunning.cases.payment.CasePayment;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.repository.PaymentRepository;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.events.PaymentAllocated;
import io.agiledunning.common.events.PaymentRecorded;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Allocates a payment the payments service recorded across its case's claims with the legal engine (§§ 366, 367
 * BGB) and the tenant's legal settings as of the day it was paid, given the case's earlier payments and the claims
 * the debtor named (§ 366(1)), and stores the allocation line by line with its
 * reasons: statements state these stored lines, so what the debtor was told stays what it was told. Each allocation
 * gets a timeline entry and a {@link PaymentAllocated} event.
 *
 * <p>Nothing of a payment is ever dropped: what no claim can take stays {@code unallocated} with a note saying why
 * (an overpayment, another currency than the claims', or a payment day whose interest needs a base rate not yet in
 * the table).
 */
@ApplicationScoped
public class PaymentAllocationService {

    static final String ACTOR = "payments";
    private static final Logger LOG = Logger.getLogger(PaymentAllocationService.class);

    private final CaseRepository cases;
    private final PaymentRepository payments;
    private final CaseLaw law;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public PaymentAllocationService(CaseRepository cases, PaymentRepository payments, CaseLaw law, Outbox outbox, Clock clock,
                                    ObjectMapper json) {
        this.cases = cases;
        this.payments = payments;
        this.law = law;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /** Runs in the tenant's transaction of the event; a payment for a case this tenant does not have is logged and skipped. */
    public Uni<Void> allocate(Mutiny.Session session, TenantId tenant, PaymentRecorded recorded, String correlationId) {
        return cases.findById(session, recorded.caseId()).chain(found -> {
            if (found.isEmpty()) {
                LOG.warnf("Payment %s names case %s, which this tenant does not have; not allocated", recorded.paymentId(),
                        recorded.caseId());
                return Uni.createFrom().voidItem();
            }
            return law.of(session, found.get())
                    .chain(facts -> store(session, tenant, facts.theCase(), recorded, decide(facts, recorded), correlationId));
        });
    }

    /** The allocation of the new payment, or why it stays unallocated. */
    private record Decision(List<AllocationLine> lines, Money unallocated, String note) {
    }

    private static Decision decide(CaseLaw.Facts facts, PaymentRecorded recorded) {
        Money amount = recorded.amount();
        if (facts.claims().isEmpty()) {
            return new Decision(List.of(), amount, "the case has no claims to allocate to");
        }
        String claimCurrency = facts.claims().getFirst().currencyCode();
        if (!amount.currency().getCurrencyCode().equals(claimCurrency)) {
            return new Decision(List.of(), amount, "paid in %s, the case's claims are in %s"
                    .formatted(amount.currency().getCurrencyCode(), claimCurrency));
        }
        List<Payment> history = new ArrayList<>(facts.paymentHistory());
        Payment incoming = new Payment(recorded.paymentId().toString(), recorded.receivedOn(), amount,
                recorded.designatedClaimIds().stream().map(UUID::toString).toList());
        history.add(incoming);
        try {
            PaymentAllocation allocation = facts.engine().allocate(facts.claimFacts(), history, recorded.receivedOn()).stream()
                    .filter(a -> a.payment().id().equals(incoming.id()))
                    .findFirst()
                    .orElseThrow();
            String note = allocation.unallocated().isZero() ? "" : "more than the case's claims ask for";
            return new Decision(allocation.lines(), allocation.unallocated(), note);
        } catch (BaseRateTable.MissingBaseRateException e) {
            return new Decision(List.of(), amount, "not allocated: " + e.getMessage());
        }
    }

    private Uni<Void> store(Mutiny.Session session, TenantId tenant, Case c, PaymentRecorded recorded, Decision decision,
                            String correlationId) {
        Instant now = clock.instant();
        CasePayment payment = new CasePayment(tenant, recorded.paymentId(), c.id(), recorded.amount(), decision.unallocated(),
                recorded.receivedOn(), recorded.method(), recorded.designatedClaimIds(), now);
        List<AllocationEntry> entries = new ArrayList<>();
        List<PaymentAllocated.Line> lines = new ArrayList<>();
        for (AllocationLine line : decision.lines()) {
            entries.add(new AllocationEntry(tenant, payment, entries.size() + 1, line));
            lines.add(new PaymentAllocated.Line(UUID.fromString(line.claimId()), line.component().name(), line.amount(),
                    line.claimRule().explanation() + "; " + line.componentRule()));
        }
        PaymentAllocated event = new PaymentAllocated(c.id(), recorded.paymentId(), recorded.amount(), recorded.receivedOn(),
                List.copyOf(lines), decision.unallocated(), decision.note());
        String reason = decision.unallocated().isZero()
                ? "payment of %s on %s allocated".formatted(recorded.amount(), recorded.receivedOn())
                : "payment of %s on %s: %s unallocated (%s)".formatted(recorded.amount(), recorded.receivedOn(),
                        decision.unallocated(), decision.note());
        return payments.persist(session, payment, entries)
                .chain(() -> cases.append(session, CaseEvent.record(tenant, c.id(), "PaymentAllocated", c.status(), c.status(),
                        reason, data(event), ACTOR, now)))
                .chain(() -> outbox.append(session, tenant, c.id(), event, correlationId))
                .invoke(() -> LOG.infof("Case %s: %s", c.id(), reason))
                .replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(PaymentAllocated event) {
        return json.convertValue(event, Map.class);
    }
}
