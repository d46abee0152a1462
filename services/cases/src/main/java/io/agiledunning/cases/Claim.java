package io.agiledunning.cases;

import io.agiledunning.cases.placement.ClaimData;
import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One invoice of a debtor, worked on a case; known by the tenant's external reference. What it still asks
 * for is principal + fees − paid ({@link #open()}), all in the claim's currency.
 */
@Entity
@Table(name = "claims")
public class Claim extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "debtor_id", nullable = false, updatable = false)
    private UUID debtorId;

    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;

    @Column(name = "external_reference", nullable = false, updatable = false)
    private String externalReference;

    @Column(name = "invoice_number", nullable = false)
    private String invoiceNumber;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "principal_minor", nullable = false)
    private long principalMinor;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "consumer_notice", nullable = false)
    private boolean consumerNotice;

    @Column(name = "fees_minor", nullable = false)
    private long feesMinor;

    @Column(name = "paid_minor", nullable = false)
    private long paidMinor;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Claim() {
    }

    /** @param data normalized ({@link ClaimData#normalized()}) and validated */
    public static Claim create(TenantId tenant, UUID debtorId, UUID caseId, ClaimData data, Instant now) {
        Claim c = new Claim();
        c.tenantId = tenant.value();
        c.id = UUID.randomUUID();
        c.debtorId = debtorId;
        c.caseId = caseId;
        c.externalReference = data.externalReference();
        c.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        c.take(data, now);
        return c;
    }

    /** Whether {@code data} (normalized) says what this claim already says. */
    public boolean sameAs(ClaimData data) {
        return data().equals(data);
    }

    public void update(ClaimData data, Instant now) {
        take(data, now);
    }

    private void take(ClaimData data, Instant now) {
        invoiceNumber = data.invoiceNumber();
        issueDate = data.issueDate();
        dueDate = data.dueDate();
        principalMinor = data.principal().minorUnits();
        currency = data.principal().currency().getCurrencyCode();
        consumerNotice = data.consumerNotice();
        feesMinor = data.fees().minorUnits();
        paidMinor = data.paid().minorUnits();
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public ClaimData data() {
        return new ClaimData(externalReference, invoiceNumber, issueDate, dueDate, principal(), consumerNotice, fees(), paid());
    }

    /** principal + fees − paid; zero once withdrawn (the claim no longer asks for anything). */
    public Money open() {
        return withdrawn() ? Money.zero(currency) : principal().plus(fees()).minus(paid());
    }

    /** The tenant withdraws the claim; it stays on record but leaves the case's balance. */
    public void withdraw(String reason, Instant now) {
        if (withdrawn()) {
            throw new IllegalStateException("claim " + id + " is withdrawn already");
        }
        withdrawalReason = reason.strip();
        withdrawnAt = now.truncatedTo(ChronoUnit.MICROS);
        updatedAt = withdrawnAt;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    public UUID id() {
        return id;
    }

    public UUID debtorId() {
        return debtorId;
    }

    public UUID caseId() {
        return caseId;
    }

    public String externalReference() {
        return externalReference;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Money principal() {
        return Money.ofMinor(principalMinor, currency);
    }

    public String currencyCode() {
        return currency;
    }

    public boolean consumerNotice() {
        return consumerNotice;
    }

    public Money fees() {
        return Money.ofMinor(feesMinor, currency);
    }

    public Money paid() {
        return Money.ofMinor(paidMinor, currency);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
