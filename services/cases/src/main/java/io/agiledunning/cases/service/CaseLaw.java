package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.law.AllocationLine;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.law.LegalEngine;
import io.agiledunning.cases.law.LegalSettings;
import io.agiledunning.cases.law.Payment;
import io.agiledunning.cases.law.Reminder;
import io.agiledunning.cases.repository.ClaimRepository;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.cases.repository.PaymentRepository;
import io.agiledunning.cases.settings.LegalSettingsService;
import io.agiledunning.common.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the legal engine needs to know about one case, read in the caller's tenant transaction: the case's
 * claims and debtor, its recorded payments with their stored allocations, the reminders the dunning engine sent,
 * and the tenant's legal settings with the base rates in force. Statements, payment allocation and the handover's
 * limitation check all read a case through here, so they judge it on the same facts.
 *
 * <p>What the engine is told about each claim ({@link Facts#facts}): the issue date stands for the day the claim
 * arose and for the invoice's receipt; every contact the dunning engine requested for the case on or after the day
 * the claim was placed is a reminder sent that day (in the debtor's time zone) — whether it created default or
 * costs a fee the engine decides (§ 286 BGB; the communications service will later confirm delivery days).
 * One letter about several claims is one reminder for each of them but costs its fee once: the fee rides on the
 * claim placed first (then earliest due date), the other claims get the reminder free. The claim placed first has had
 * every letter, so a letter is never its first reminder after the first letter; on a claim that joined later the
 * letter may be its first reminder, which the law does not let cost anything, and the fee would be lost.
 */
@ApplicationScoped
public class CaseLaw {

    /** Debtors without a time zone are reminded on German days. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    /** One case as the law sees it. */
    public record Facts(Case theCase, List<Claim> claims, Optional<Debtor> debtor, List<PaymentRepository.Allocated> payments,
                        List<Reminder> reminders, LegalSettingsService.Current legal, LegalEngine engine) {

        public LegalSettings settings() {
            return legal.settings();
        }

        /** A case without claims has no debtor to ask; the engine then treats it as a consumer's. */
        public DebtorKind debtorKind() {
            return debtor.map(Debtor::kind).orElse(DebtorKind.CONSUMER);
        }

        /** The claim as the engine sees it, with this tenant's interest cap and allocation order. */
        public io.agiledunning.cases.law.Claim facts(Claim claim) {
            LocalDate placed = placedOn(claim);
            List<Reminder> sent = reminders.stream()
                    .filter(reminder -> !reminder.sentOn().isBefore(placed))
                    .map(reminder -> feeBearer(reminder.sentOn()).map(Claim::id).filter(claim.id()::equals).isPresent() ? reminder
                            : Reminder.costing(reminder.sentOn(), Money.zero(claim.principal().currency().getCurrencyCode())))
                    .toList();
            return settings().applyTo(io.agiledunning.cases.law.Claim.of(claim.id().toString(), claim.principal(),
                            claim.issueDate(), claim.dueDate(), debtorKind())
                    .withInvoiceReceived(claim.issueDate())
                    .withConsumerNotice(claim.consumerNotice())
                    .withReminders(sent));
        }

        /** The claim a reminder sent on {@code day} charges its fee on: the first placed of those placed by then. */
        private Optional<Claim> feeBearer(LocalDate day) {
            return claims.stream()
                    .filter(claim -> !placedOn(claim).isAfter(day))
                    .min(Comparator.comparing(Claim::createdAt).thenComparing(Claim::dueDate).thenComparing(Claim::issueDate)
                            .thenComparing(Claim::id));
        }

        private LocalDate placedOn(Claim claim) {
            return claim.createdAt().atZone(zoneOf(debtor)).toLocalDate();
        }

        public List<io.agiledunning.cases.law.Claim> claimFacts() {
            return claims.stream().map(this::facts).toList();
        }

        /** Every stored allocation line of the case's payments, in payment order. */
        public List<AllocationLine> allocationLines() {
            return payments.stream().flatMap(p -> p.lines().stream().map(line -> line.toLine(p.payment()))).toList();
        }

        /** The case's earlier payments as the engine sees them, with the claims each debtor named. */
        public List<Payment> paymentHistory() {
            return payments.stream().map(p -> p.payment().toLaw()).toList();
        }
    }

    private final ClaimRepository claims;
    private final DebtorRepository debtors;
    private final PaymentRepository payments;
    private final LegalSettingsService settings;
    private final BaseRateService baseRates;

    public CaseLaw(ClaimRepository claims, DebtorRepository debtors, PaymentRepository payments,
                   LegalSettingsService settings, BaseRateService baseRates) {
        this.claims = claims;
        this.debtors = debtors;
        this.payments = payments;
        this.settings = settings;
        this.baseRates = baseRates;
    }

    public Uni<Facts> of(Mutiny.Session session, Case c) {
        return claims.ofCase(session, c.id()).chain(list -> debtor(session, list)
                .chain(debtor -> payments.ofCase(session, c.id())
                        .chain(paid -> reminders(session, c, debtor)
                                .chain(sent -> settings.current(session)
                                        .chain(legal -> baseRates.table(session)
                                                .map(table -> new Facts(c, list, debtor, paid, sent, legal,
                                                        legal.settings().engine(table))))))));
    }

    private Uni<Optional<Debtor>> debtor(Mutiny.Session session, List<Claim> caseClaims) {
        // All claims of a case belong to one debtor (placement joins claims by debtor).
        return caseClaims.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : debtors.findById(session, caseClaims.getFirst().debtorId());
    }

    private static ZoneId zoneOf(Optional<Debtor> debtor) {
        return debtor.map(Debtor::timeZone).filter(zone -> zone != null && !zone.isBlank()).map(ZoneId::of)
                .orElse(DEFAULT_ZONE);
    }

    /**
     * The dunning engine's contacts with the case's debtor about this case, oldest first, one per day (the day's first),
     * each with the fee it announced; a contact recorded before fees were costs the tenant's flat reminder fee.
     */
    private static Uni<List<Reminder>> reminders(Mutiny.Session session, Case c, Optional<Debtor> debtor) {
        ZoneId zone = zoneOf(debtor);
        return session.createNativeQuery("select requested_at, fee_minor from dunning_contacts where case_id = :caseId order by requested_at",
                        Object[].class)
                .setParameter("caseId", c.id())
                .getResultList()
                .map(rows -> {
                    Map<LocalDate, Reminder> byDay = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        LocalDate day = ((OffsetDateTime) row[0]).atZoneSameInstant(zone).toLocalDate();
                        Optional<Money> fee = Optional.ofNullable((Number) row[1])
                                .map(minor -> Money.ofMinor(minor.longValue(), c.currencyCode()));
                        byDay.putIfAbsent(day, new Reminder(day, fee));
                    }
                    return List.copyOf(byDay.values());
                });
    }
}
