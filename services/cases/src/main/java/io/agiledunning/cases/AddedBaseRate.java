package io.agiledunning.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A half-year's base rate (§ 247 BGB) a platform admin added after the release (table {@code base_rates}).
 * Platform data, not tenant data; never changed or removed once added.
 */
@Entity
@Table(name = "base_rates")
public class AddedBaseRate {

    @Id
    @Column(name = "valid_from", updatable = false)
    private LocalDate validFrom;

    @Column(name = "percent", nullable = false, updatable = false, precision = 5, scale = 2)
    private BigDecimal percent;

    @Column(name = "source", nullable = false, updatable = false)
    private String source;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected AddedBaseRate() {
    }

    public AddedBaseRate(LocalDate validFrom, BigDecimal percent, String source, String addedBy, Instant addedAt) {
        this.validFrom = validFrom;
        this.percent = percent;
        this.source = source;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public BigDecimal percent() {
        return percent;
    }

    public String source() {
        return source;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
