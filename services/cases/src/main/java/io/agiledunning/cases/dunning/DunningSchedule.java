package io.agiledunning.cases.dunning;

import io.agiledunning.cases.dunning.engine.Progress;
import io.agiledunning.cases.dunning.strategy.TriggerKind;
import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where one case stands in its strategy (table {@code dunning_schedules}); the engine's memory between decisions. */
@Entity
@Table(name = "dunning_schedules")
public class DunningSchedule extends TenantScopedEntity {

    @Id
    @Column(name = "case_id")
    private UUID caseId;

    /** Null: the built-in default strategy. */
    @Column(name = "strategy_id", updatable = false)
    private UUID strategyId;

    @Column(name = "strategy_key", nullable = false, updatable = false)
    private String strategyKey;

    @Column(name = "strategy_version", nullable = false, updatable = false)
    private int strategyVersion;

    @Column(name = "segment_key", updatable = false)
    private String segmentKey;

    @Column(name = "control_group", nullable = false, updatable = false)
    private boolean controlGroup;

    @Column(name = "started_on")
    private LocalDate startedOn;

    @Column(name = "next_step", nullable = false)
    private int nextStep;

    @Column(name = "reaction_kind")
    private String reactionKind;

    @Column(name = "reaction_on")
    private LocalDate reactionOn;

    @Column(name = "last_contact_on")
    private LocalDate lastContactOn;

    @Column(name = "last_payment_on")
    private LocalDate lastPaymentOn;

    @Column(name = "contacts_sent", nullable = false)
    private int contactsSent;

    @Column(name = "observed_status")
    private String observedStatus;

    @Column(name = "observed_outstanding_minor")
    private Long observedOutstandingMinor;

    @Column(name = "next_action_at")
    private Instant nextActionAt;

    @Column(name = "last_reasons", nullable = false)
    private String lastReasons = "";

    @Column(name = "last_blocked", nullable = false)
    private boolean lastBlocked;

    @Column(name = "last_decided_at")
    private Instant lastDecidedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DunningSchedule() {
    }

    public static DunningSchedule start(TenantId tenant, UUID caseId, StrategyRef strategy, String segmentKey, boolean controlGroup,
                                        Instant now) {
        DunningSchedule s = new DunningSchedule();
        s.tenantId = tenant.value();
        s.caseId = caseId;
        s.strategyId = strategy.id();
        s.strategyKey = strategy.key();
        s.strategyVersion = strategy.version();
        s.segmentKey = segmentKey;
        s.controlGroup = controlGroup;
        s.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return s;
    }

    public Progress progress() {
        return new Progress(startedOn, nextStep,
                reactionKind == null ? Optional.empty() : Optional.of(new Progress.Reaction(TriggerKind.valueOf(reactionKind), reactionOn)),
                Optional.ofNullable(lastContactOn), Optional.ofNullable(lastPaymentOn), contactsSent);
    }

    public void take(Progress progress) {
        startedOn = progress.startedOn();
        nextStep = progress.nextStep();
        reactionKind = progress.pendingReaction().map(r -> r.kind().name()).orElse(null);
        reactionOn = progress.pendingReaction().map(Progress.Reaction::on).orElse(null);
        lastContactOn = progress.lastContactOn().orElse(null);
        lastPaymentOn = progress.lastPaymentOn().orElse(null);
        contactsSent = progress.contactsSent();
    }

    /** What the engine saw last time, to notice changes made elsewhere (partial payment, broken promise). */
    public void observed(String status, long outstandingMinor) {
        observedStatus = status;
        observedOutstandingMinor = outstandingMinor;
    }

    /** @return whether the reasons differ from the last decision's (only then is a block recorded again) */
    public boolean decided(List<String> reasons, boolean blocked, Instant nextActionAt, Instant now) {
        String joined = String.join("\n", reasons);
        boolean changed = !joined.equals(lastReasons) || blocked != lastBlocked;
        lastReasons = joined;
        lastBlocked = blocked;
        this.nextActionAt = nextActionAt == null ? null : nextActionAt.truncatedTo(ChronoUnit.MICROS);
        lastDecidedAt = now.truncatedTo(ChronoUnit.MICROS);
        updatedAt = lastDecidedAt;
        return changed;
    }

    public StrategyRef strategy() {
        return new StrategyRef(strategyId, strategyKey, strategyVersion);
    }

    public UUID caseId() {
        return caseId;
    }

    public String segmentKey() {
        return segmentKey;
    }

    public boolean controlGroup() {
        return controlGroup;
    }

    public String observedStatus() {
        return observedStatus;
    }

    public Long observedOutstandingMinor() {
        return observedOutstandingMinor;
    }

    public Instant nextActionAt() {
        return nextActionAt;
    }

    public List<String> lastReasons() {
        return lastReasons.isEmpty() ? List.of() : List.of(lastReasons.split("\n"));
    }

    public boolean lastBlocked() {
        return lastBlocked;
    }

    public Instant lastDecidedAt() {
        return lastDecidedAt;
    }
}
