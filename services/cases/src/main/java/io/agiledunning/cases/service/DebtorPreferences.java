package io.agiledunning.cases.service;

import io.agiledunning.cases.ConsentChannel;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.DebtorConsent;
import io.agiledunning.cases.dunning.strategy.Channel;
import io.agiledunning.cases.repository.DebtorRepository;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.events.DebtorConsentsChanged;
import io.agiledunning.common.events.DebtorOptOutsChanged;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a debtor told the tenant about being contacted: the channels it opted out of, and those it consented to. The
 * dunning engine's guardrails read the opt-outs before every contact (docs/dunning.md, "Guardrails") and fall back to
 * the step's next channel; consents are stored and shown (docs/cases.md, "Consents": no channel the engine uses needs
 * one). Each change is on the timeline of the debtor's unfinished cases and published.
 */
@ApplicationScoped
public class DebtorPreferences {

    /** A consent as the tenant records it; {@code givenAt} when the debtor gave it. */
    public record ConsentInput(String channel, String source, Instant givenAt) {
    }

    private static final int MAX_SOURCE = 500;

    private final TenantTransactions transactions;
    private final DebtorRepository debtors;
    private final DebtorChanges changes;
    private final Clock clock;

    public DebtorPreferences(TenantTransactions transactions, DebtorRepository debtors, DebtorChanges changes, Clock clock) {
        this.transactions = transactions;
        this.debtors = debtors;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Replaces the debtor's opt-outs with {@code channels}.
     *
     * @throws ApiException VALIDATION (field {@code channels}) for a channel that does not exist; NOT_FOUND for a
     *                      missing or another tenant's debtor; CONFLICT for an erased one
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
        return transactions.inTransaction(caller.tenantId(), session -> changes.live(session, debtorId).chain(debtor -> {
            debtor.optOut(chosen, now);
            DebtorOptOutsChanged event = new DebtorOptOutsChanged(debtorId, List.copyOf(chosen), why);
            String text = (chosen.isEmpty() ? "the debtor may be contacted on every channel again"
                    : "the debtor opted out of " + String.join(", ", chosen)) + (why.isEmpty() ? "" : " (" + why + ")");
            return changes.record(session, caller, debtorId, DebtorChanges.UNFINISHED, event, text, correlationId, now)
                    .replaceWith(debtor);
        }));
    }

    /** @throws ApiException NOT_FOUND for a missing or another tenant's debtor */
    public Uni<List<DebtorConsent>> consents(TenantContext caller, UUID debtorId) {
        return transactions.inTransaction(caller.tenantId(), session -> debtors.findById(session, debtorId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(ApiException.notFound("debtor", debtorId));
            }
            return stored(session, debtorId);
        }));
    }

    /**
     * Replaces the debtor's consents with {@code given} (a channel left out is withdrawn); a consent given again with the
     * same source and time keeps its record. Nothing changed: nothing written, no timeline entry, no event.
     *
     * @throws ApiException VALIDATION naming each wrong field ({@code consents[i].channel}, {@code .source},
     *                      {@code .givenAt}); NOT_FOUND for a missing or another tenant's debtor; CONFLICT for an erased one
     */
    public Uni<List<DebtorConsent>> setConsents(TenantContext caller, UUID debtorId, List<ConsentInput> given,
                                                String correlationId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<ConsentChannel, ConsentInput> wanted;
        try {
            wanted = validated(given, now);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return transactions.inTransaction(caller.tenantId(), session -> changes.live(session, debtorId)
                .chain(debtor -> stored(session, debtorId))
                .chain(before -> {
                    Map<ConsentChannel, DebtorConsent> kept = new EnumMap<>(ConsentChannel.class);
                    before.forEach(c -> kept.put(c.channel(), c));
                    List<DebtorConsent> after = new ArrayList<>();
                    wanted.forEach((channel, input) -> {
                        DebtorConsent old = kept.get(channel);
                        after.add(old != null && old.source().equals(input.source()) && old.givenAt().equals(input.givenAt())
                                ? old : new DebtorConsent(channel, input.source(), input.givenAt(), caller.subject(), now));
                    });
                    if (after.equals(before)) {
                        return Uni.createFrom().item(before);
                    }
                    List<String> withdrawn = before.stream().map(DebtorConsent::channel).filter(c -> !wanted.containsKey(c))
                            .map(Enum::name).toList();
                    DebtorConsentsChanged event = new DebtorConsentsChanged(debtorId, after.stream()
                            .map(c -> new DebtorConsentsChanged.Consent(c.channel().name(), c.source(), c.givenAt())).toList(),
                            withdrawn);
                    return replace(session, caller, debtorId, after)
                            .chain(() -> changes.record(session, caller, debtorId, DebtorChanges.UNFINISHED, event,
                                    text(after, withdrawn), correlationId, now))
                            .replaceWith(after);
                }));
    }

    private static String text(List<DebtorConsent> consents, List<String> withdrawn) {
        List<String> parts = new ArrayList<>();
        if (!consents.isEmpty()) {
            parts.add("the debtor consents to be contacted by " + String.join(", ", consents.stream()
                    .map(c -> "%s (%s, %s)".formatted(c.channel(), c.source(), c.givenAt())).toList()));
        }
        if (!withdrawn.isEmpty()) {
            parts.add("consent withdrawn for " + String.join(", ", withdrawn));
        }
        return consents.isEmpty() && withdrawn.isEmpty() ? "no consents" : String.join("; ", parts);
    }

    private static Map<ConsentChannel, ConsentInput> validated(List<ConsentInput> given, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Map<ConsentChannel, ConsentInput> wanted = new EnumMap<>(ConsentChannel.class);
        for (int i = 0; i < given.size(); i++) {
            String at = "consents[" + i + "]";
            ConsentInput input = given.get(i);
            if (input == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            ConsentChannel channel = Arrays.stream(ConsentChannel.values()).filter(c -> c.name().equals(input.channel()))
                    .findFirst().orElse(null);
            if (channel == null) {
                errors.add(new FieldError(at + ".channel", input.channel() == null ? "is required"
                        : "must be among %s, got '%s'".formatted(Arrays.toString(ConsentChannel.values()), input.channel())));
            } else if (wanted.containsKey(channel)) {
                errors.add(new FieldError(at + ".channel", channel + " is listed twice"));
            }
            String source = input.source() == null ? "" : input.source().strip();
            if (source.isEmpty()) {
                errors.add(new FieldError(at + ".source", "is required: say where the debtor gave the consent"));
            } else if (source.length() > MAX_SOURCE) {
                errors.add(new FieldError(at + ".source", "must be at most %d characters".formatted(MAX_SOURCE)));
            }
            if (input.givenAt() == null) {
                errors.add(new FieldError(at + ".givenAt", "is required"));
            } else if (input.givenAt().isAfter(now)) {
                errors.add(new FieldError(at + ".givenAt", "must not be in the future, got " + input.givenAt()));
            }
            if (channel != null && !wanted.containsKey(channel)) {
                wanted.put(channel, new ConsentInput(channel.name(), source,
                        input.givenAt() == null ? null : input.givenAt().truncatedTo(ChronoUnit.MICROS)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return wanted;
    }

    /** The debtor's consents, by channel. */
    static Uni<List<DebtorConsent>> stored(Mutiny.Session session, UUID debtorId) {
        return session.createNativeQuery("""
                        select channel, source, given_at, recorded_by, recorded_at from debtor_consents
                        where debtor_id = :debtorId""", Object[].class)
                .setParameter("debtorId", debtorId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new DebtorConsent(ConsentChannel.valueOf((String) row[0]), (String) row[1],
                                ((OffsetDateTime) row[2]).toInstant(), (String) row[3], ((OffsetDateTime) row[4]).toInstant()))
                        .sorted(java.util.Comparator.comparing(DebtorConsent::channel)).toList());
    }

    private static Uni<Void> replace(Mutiny.Session session, TenantContext caller, UUID debtorId, List<DebtorConsent> consents) {
        Uni<Void> chain = session.createNativeQuery("delete from debtor_consents where debtor_id = :debtorId")
                .setParameter("debtorId", debtorId).executeUpdate().replaceWithVoid();
        for (DebtorConsent c : consents) {
            chain = chain.chain(() -> session.createNativeQuery("""
                            insert into debtor_consents (tenant_id, debtor_id, channel, source, given_at, recorded_by, recorded_at)
                            values (:tenant, :debtorId, :channel, :source, :givenAt, :recordedBy, :recordedAt)""")
                    .setParameter("tenant", caller.tenantId().value())
                    .setParameter("debtorId", debtorId)
                    .setParameter("channel", c.channel().name())
                    .setParameter("source", c.source())
                    .setParameter("givenAt", OffsetDateTime.ofInstant(c.givenAt(), ZoneOffset.UTC))
                    .setParameter("recordedBy", c.recordedBy())
                    .setParameter("recordedAt", OffsetDateTime.ofInstant(c.recordedAt(), ZoneOffset.UTC))
                    .executeUpdate().replaceWithVoid());
        }
        return chain;
    }
}
