package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.Debtor;
import io.agiledunning.cases.dunning.DunningSchedule;
import io.agiledunning.cases.dunning.StrategyRef;
import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.cases.placement.DebtorAttributes;
import io.agiledunning.cases.settings.LegalSettingsService;
import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.dunning.segment.Assignment;
import io.agiledunning.cases.dunning.segment.Segment;
import io.agiledunning.cases.dunning.segment.SegmentFacts;
import io.agiledunning.cases.dunning.segment.Segmentation;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads what the engine needs to decide a chunk of one tenant's cases with one query per table (cases, debtors,
 * oldest due dates, recent contacts, schedules) inside the tenant's transaction, instead of ~6 queries per case.
 * Strategies come from the {@link StrategyCatalog}'s cache; segments are read once per chunk, and only if a case has
 * no schedule yet.
 */
@ApplicationScoped
class CaseWorkLoader {

    private final StrategyCatalog catalog;
    private final LegalSettingsService legalSettings;

    CaseWorkLoader(StrategyCatalog catalog, LegalSettingsService legalSettings) {
        this.catalog = catalog;
        this.legalSettings = legalSettings;
    }

    /**
     * @return the cases found, by id in the order given (a case that no longer exists is missing)
     */
    Uni<Map<UUID, CaseWork>> load(Mutiny.Session session, TenantId tenant, List<UUID> caseIds, Instant now,
                                  boolean persistNewSchedules) {
        return ContactPolicies.of(session).chain(policy -> legalSettings.current(session)
                .map(legal -> new TenantTerms(policy, legal.settings().fees().reminderFee()))
                .chain(terms -> load(session, tenant, caseIds, now, terms, persistNewSchedules)));
    }

    private Uni<Map<UUID, CaseWork>> load(Mutiny.Session session, TenantId tenant, List<UUID> caseIds, Instant now, TenantTerms terms,
                                          boolean persistNewSchedules) {
        return session.createSelectionQuery("from Case where id in :ids", Case.class).setParameter("ids", caseIds).getResultList()
                .chain(found -> {
                    Map<UUID, Case> byId = found.stream().collect(Collectors.toMap(Case::id, Function.identity()));
                    List<Case> ordered = caseIds.stream().map(byId::get).filter(Objects::nonNull).toList();
                    if (ordered.isEmpty()) {
                        return Uni.createFrom().item(Map.of());
                    }
                    List<UUID> ids = ordered.stream().map(Case::id).toList();
                    List<UUID> debtorIds = ordered.stream().map(Case::debtorId).filter(Objects::nonNull).distinct().toList();
                    return debtors(session, debtorIds).chain(debtors -> oldestDueDates(session, ids)
                            .chain(oldest -> contacts(session, ids, debtorIds, now.minus(terms.policy().window()))
                                    .chain(contacts -> schedules(session, ids)
                                            .chain(schedules -> assemble(session, tenant, ordered, debtors, oldest, contacts, schedules,
                                                    now, terms, persistNewSchedules)))));
                });
    }

    private Uni<Map<UUID, CaseWork>> assemble(Mutiny.Session session, TenantId tenant, List<Case> ordered, Map<UUID, Debtor> debtors,
                                              Map<UUID, LocalDate> oldest, List<ContactRow> contacts,
                                              Map<UUID, DunningSchedule> schedules, Instant now, TenantTerms terms, boolean persist) {
        boolean anyNew = ordered.stream().anyMatch(c -> !schedules.containsKey(c.id()));
        Uni<List<Segment>> segments = anyNew ? catalog.segments(session) : Uni.createFrom().item(List.of());
        return segments.chain(segs -> Multi.createFrom().iterable(ordered)
                .onItem().transformToUniAndConcatenate(c -> {
                    Debtor debtor = c.debtorId() == null ? null : debtors.get(c.debtorId());
                    LocalDate oldestDue = oldest.get(c.id());
                    Uni<DunningSchedule> schedule = schedules.containsKey(c.id()) ? Uni.createFrom().item(schedules.get(c.id()))
                            : newSchedule(session, tenant, c, debtor, oldestDue, segs, now, terms.policy(), persist);
                    List<Instant> recent = contacts.stream()
                            .filter(row -> row.caseId().equals(c.id()) || (c.debtorId() != null && c.debtorId().equals(row.debtorId())))
                            .map(ContactRow::at).toList();
                    return schedule.chain(s -> catalog.strategy(session, tenant, s.strategy())
                            .map(strategy -> new CaseWork(session, tenant, c, debtor, s, strategy, oldestDue, recent, now, terms)));
                })
                .collect().asList())
                .map(works -> {
                    Map<UUID, CaseWork> byId = new LinkedHashMap<>();
                    works.forEach(work -> byId.put(work.theCase.id(), work));
                    return byId;
                });
    }

    private Uni<DunningSchedule> newSchedule(Mutiny.Session session, TenantId tenant, Case c, Debtor debtor, LocalDate oldestDue,
                                             List<Segment> segments, Instant now, ContactPolicy policy, boolean persist) {
        LocalDate today = now.atZone(policy.defaultZone()).toLocalDate();
        SegmentFacts facts = new SegmentFacts(c.id(), debtor == null ? DebtorKind.CONSUMER : debtor.kind(), c.outstanding(),
                oldestDue == null ? 0 : ChronoUnit.DAYS.between(oldestDue, today),
                debtor == null ? null : GermanState.parse(debtor.germanState()).orElse(null),
                debtor == null ? Map.of() : DebtorAttributes.forSegments(debtor.attributes(), debtor.persona()));
        Assignment assignment = Segmentation.assign(segments, facts);
        Uni<StrategyRef> ref = assignment.strategyKey() == null ? Uni.createFrom().item(StrategyCatalog.BUILT_IN_REF)
                : catalog.latestPublished(session, assignment.strategyKey())
                .map(v -> v.map(version -> version.ref()).orElse(StrategyCatalog.BUILT_IN_REF));
        return ref.chain(r -> {
            DunningSchedule created = DunningSchedule.start(tenant, c.id(), r, assignment.segmentKey(), assignment.controlGroup(), now);
            return persist ? session.persist(created).replaceWith(created) : Uni.createFrom().item(created);
        });
    }

    private static Uni<Map<UUID, Debtor>> debtors(Mutiny.Session session, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createSelectionQuery("from Debtor where id in :ids", Debtor.class).setParameter("ids", ids).getResultList()
                .map(found -> found.stream().collect(Collectors.toMap(Debtor::id, Function.identity())));
    }

    private static Uni<Map<UUID, LocalDate>> oldestDueDates(Mutiny.Session session, List<UUID> caseIds) {
        return session.createSelectionQuery("select caseId, min(dueDate) from Claim where caseId in :ids group by caseId", Object[].class)
                .setParameter("ids", caseIds)
                .getResultList()
                .map(rows -> {
                    Map<UUID, LocalDate> oldest = new HashMap<>();
                    rows.forEach(row -> oldest.put((UUID) row[0], (LocalDate) row[1]));
                    return oldest;
                });
    }

    /** Contacts of the cases and of their debtors (all channels) within the frequency-cap window. */
    private static Uni<List<ContactRow>> contacts(Mutiny.Session session, List<UUID> caseIds, List<UUID> debtorIds, Instant since) {
        Placeholders cases = Placeholders.of("c", caseIds.size());
        Placeholders debtors = Placeholders.of("d", debtorIds.size());
        String byDebtor = debtorIds.isEmpty() ? "" : " or debtor_id in (%s)".formatted(debtors.list());
        var query = session.createNativeQuery("""
                        select case_id, debtor_id, requested_at from dunning_contacts
                        where (case_id in (%s)%s) and requested_at > :since""".formatted(cases.list(), byDebtor), Object[].class)
                .setParameter("since", DueIndex.utc(since));
        cases.bind(query, caseIds);
        debtors.bind(query, debtorIds);
        return query.getResultList().map(rows -> {
            List<ContactRow> contacts = new ArrayList<>();
            for (Object[] row : rows) {
                contacts.add(new ContactRow((UUID) row[0], (UUID) row[1], instant(row[2])));
            }
            return contacts;
        });
    }

    private static Uni<Map<UUID, DunningSchedule>> schedules(Mutiny.Session session, List<UUID> caseIds) {
        // Read-only: the engine writes the chunk's schedules itself, in one statement (ChunkWrites).
        return session.createSelectionQuery("from DunningSchedule where caseId in :ids", DunningSchedule.class)
                .setParameter("ids", caseIds)
                .setReadOnly(true)
                .getResultList()
                .map(found -> found.stream().collect(Collectors.toMap(DunningSchedule::caseId, Function.identity())));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case OffsetDateTime odt -> odt.toInstant();
            case Instant i -> i;
            case java.time.LocalDateTime ldt -> ldt.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected requested_at " + value.getClass());
        };
    }

    private record ContactRow(UUID caseId, UUID debtorId, Instant at) {
    }
}
