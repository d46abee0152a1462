package io.agiledunning.cases;

import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.placement.DebtorAttributes;
import io.agiledunning.cases.placement.DebtorData;
import io.agiledunning.cases.placement.PostalAddress;
import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person or business owing claims to a tenant, known by the tenant's external reference. */
@Entity
@Table(name = "debtors")
public class Debtor extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "external_reference", nullable = false, updatable = false)
    private String externalReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private DebtorKind kind;

    @Column(name = "name", nullable = false)
    private String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "emails", nullable = false, columnDefinition = "text[]")
    private String[] emails;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "phones", nullable = false, columnDefinition = "text[]")
    private String[] phones;

    @Column(name = "street")
    private String street;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "city")
    private String city;

    @Column(name = "country", length = 2)
    private String country;

    @Column(name = "language")
    private String language;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "german_state")
    private String germanState;

    @Column(name = "deceased", nullable = false)
    private boolean deceased;

    @Column(name = "insolvency", nullable = false)
    private boolean insolvency;

    @Column(name = "vulnerable", nullable = false)
    private boolean vulnerable;

    /** Channels (EMAIL, SMS, LETTER) the debtor opted out of; not part of the placed data, set by the debtor. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "opted_out_channels", nullable = false, columnDefinition = "text[]")
    private String[] optedOutChannels = new String[0];

    /** The behaviour cluster reporting assigns (null until it does); not part of the placed data. */
    @Column(name = "persona")
    private String persona;

    /** {@link DebtorAttributes} as sorted {@code key=value} entries. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attributes", nullable = false, columnDefinition = "text[]")
    private String[] attributes = new String[0];

    /** Processing restricted (Art. 18 GDPR) since then: kept, not contacted; null when not restricted. */
    @Column(name = "restricted_at")
    private Instant restrictedAt;

    @Column(name = "restriction_reason")
    private String restrictionReason;

    /** Personal data erased (Art. 17 GDPR); written by {@code DebtorDataProtection.erase} in SQL, read only here. */
    @Column(name = "erased_at", insertable = false, updatable = false)
    private Instant erasedAt;

    /** The last day a retention duty keeps the erased debtor's records. */
    @Column(name = "retained_until", insertable = false, updatable = false)
    private LocalDate retainedUntil;

    /** The records kept until {@code retainedUntil} were deleted; written by {@code DebtorRecordsDeletion} in SQL. */
    @Column(name = "records_deleted_at", insertable = false, updatable = false)
    private Instant recordsDeletedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Debtor() {
    }

    /** @param data normalized ({@link DebtorData#normalized()}) and validated */
    public static Debtor create(TenantId tenant, DebtorData data, Instant now) {
        Debtor d = new Debtor();
        d.tenantId = tenant.value();
        d.id = UUID.randomUUID();
        d.externalReference = data.externalReference();
        d.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        d.take(data, now);
        return d;
    }

    /** Takes the data if it differs from what is kept; @return whether anything changed */
    public boolean update(DebtorData data, Instant now) {
        DebtorData complete = data.keeping(attributes());
        if (data().equals(complete)) {
            return false;
        }
        take(complete, now);
        return true;
    }

    private void take(DebtorData data, Instant now) {
        kind = data.kind();
        name = data.name();
        emails = data.emails().toArray(String[]::new);
        phones = data.phones().toArray(String[]::new);
        street = data.address().street();
        postalCode = data.address().postalCode();
        city = data.address().city();
        country = data.address().country();
        language = data.language();
        timeZone = data.timeZone();
        germanState = data.germanState();
        deceased = data.deceased();
        insolvency = data.insolvency();
        vulnerable = data.vulnerable();
        if (data.attributes() != null) {
            attributes = DebtorAttributes.toEntries(data.attributes());
        }
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** What is kept, in the normalized form placements are compared with. */
    public DebtorData data() {
        return new DebtorData(externalReference, kind, name, emails(), phones(), address(), language, timeZone, germanState,
                deceased, insolvency, vulnerable, attributes());
    }

    public UUID id() {
        return id;
    }

    public String externalReference() {
        return externalReference;
    }

    public DebtorKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> emails() {
        return emails == null ? List.of() : List.of(emails);
    }

    public List<String> phones() {
        return phones == null ? List.of() : List.of(phones);
    }

    public PostalAddress address() {
        return new PostalAddress(street, postalCode, city, country);
    }

    public String language() {
        return language;
    }

    public String timeZone() {
        return timeZone;
    }

    public String germanState() {
        return germanState;
    }

    /** Replaces the debtor's attributes with normalized, valid ones ({@link DebtorAttributes}); @return whether they changed */
    public boolean replaceAttributes(Map<String, String> replacement, Instant now) {
        if (attributes().equals(replacement)) {
            return false;
        }
        attributes = DebtorAttributes.toEntries(replacement);
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return true;
    }

    /** The channels the debtor opted out of from now on (replacing the earlier choice). */
    public void optOut(java.util.Set<String> channels, Instant now) {
        optedOutChannels = channels.stream().sorted().toArray(String[]::new);
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public java.util.Set<String> optedOutChannels() {
        return optedOutChannels == null ? java.util.Set.of() : java.util.Set.of(optedOutChannels);
    }

    /** Restricts processing from now on (Art. 18 GDPR). */
    public void restrict(String reason, Instant now) {
        restrictedAt = now.truncatedTo(ChronoUnit.MICROS);
        restrictionReason = reason;
        updatedAt = restrictedAt;
    }

    public void liftRestriction(Instant now) {
        restrictedAt = null;
        restrictionReason = null;
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean restricted() {
        return restrictedAt != null;
    }

    public Instant restrictedAt() {
        return restrictedAt;
    }

    public String restrictionReason() {
        return restrictionReason;
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public LocalDate retainedUntil() {
        return retainedUntil;
    }

    public Instant recordsDeletedAt() {
        return recordsDeletedAt;
    }

    public String persona() {
        return persona;
    }

    /** The tenant's own attributes of the debtor, by key. */
    public java.util.SortedMap<String, String> attributes() {
        return DebtorAttributes.fromEntries(attributes);
    }

    public boolean deceased() {
        return deceased;
    }

    public boolean insolvency() {
        return insolvency;
    }

    public boolean vulnerable() {
        return vulnerable;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
