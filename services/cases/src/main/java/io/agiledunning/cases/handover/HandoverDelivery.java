package io.agiledunning.cases.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseEvent;
import io.agiledunning.cases.repository.CaseRepository;
import io.agiledunning.cases.service.OnVertxContext;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.tenancy.TenantId;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands packages to the agency over the tenant's channel (docs/dunning.md, "Handover"): the JSON and CSV files into
 * the tenant's drop folder, or the JSON signed ({@link WebhookSignature}) to the agency's webhook. Deliveries are
 * queued in the handover's transaction, claimed by any replica with {@code SKIP LOCKED} under a lease, and retried
 * with growing back-off until the agency has them; each success is put on the case's timeline. At least once: an
 * agency recognises a repeat by {@code X-AgileDunning-Delivery} (webhook) or the file name (drop folder).
 */
@ApplicationScoped
public class HandoverDelivery {

    /** What one attempt did. */
    public record Outcome(UUID caseId, String channel, boolean delivered, String error) {
    }

    /** The state of a case's delivery, for the tenant. */
    public record Status(String channel, String target, int attempts, Instant deliveredAt, Instant nextAttemptAt, String lastError) {
    }

    private record Due(UUID id, TenantId tenant, UUID caseId, String channel, String target, int attempts) {
    }

    private static final Logger LOG = Logger.getLogger(HandoverDelivery.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    private final Pool pool;
    private final TenantTransactions transactions;
    private final HandoverPackages packages;
    private final CaseRepository cases;
    private final HandoverConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    public HandoverDelivery(Pool pool, TenantTransactions transactions, HandoverPackages packages, CaseRepository cases,
                            HandoverConfig config, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.transactions = transactions;
        this.packages = packages;
        this.cases = cases;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build();
    }

    /** In the handover's transaction: the package goes out once the transaction committed. */
    static Uni<Void> queue(Mutiny.Session session, TenantId tenant, UUID caseId, HandoverSettings settings, Instant now) {
        return session.createNativeQuery("""
                        insert into handover_deliveries (id, tenant_id, case_id, channel, target, next_attempt_at)
                        values (:id, :tenant, :caseId, :channel, :target, :at)
                        on conflict (tenant_id, case_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("tenant", tenant.value())
                .setParameter("caseId", caseId)
                .setParameter("channel", settings.channel())
                .setParameter("target", HandoverSettings.WEBHOOK.equals(settings.channel()) ? settings.webhookUrl() : null)
                .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate()
                .replaceWithVoid();
    }

    @Scheduled(every = "${agiledunning.handover.delivery-interval:15s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverOnSchedule() {
        if (!config.deliveryEnabled()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("Handover deliveries stopped until the next run: %s", e.getMessage());
        }
    }

    /**
     * Delivers every queued package whose time has come. Blocking; not on an event-loop thread. A claimed package is
     * only sent while its lease has time left for the longest send, so no other replica re-claims it meanwhile; the
     * rest of a slow batch is re-claimed (by any replica) once its lease ends.
     */
    public List<Outcome> deliverDue() {
        List<Outcome> outcomes = new ArrayList<>();
        List<Due> claimed;
        do {
            Instant now = clock.instant();
            // A webhook send takes at most its connect and its answer timeout; a few seconds for reading the package.
            Instant lastStart = now.plus(config.deliveryLease()).minus(config.webhookTimeout().multipliedBy(2).plusSeconds(5));
            claimed = claim(now);
            for (Due due : claimed) {
                if (clock.instant().isAfter(lastStart)) {
                    return outcomes;
                }
                outcomes.add(deliver(due, now));
            }
        } while (!claimed.isEmpty());
        return outcomes;
    }

    /** The delivery of one of the caller's cases; empty on the download channel, for another tenant's case or none. */
    public Uni<Optional<Status>> status(TenantId tenant, UUID caseId) {
        return pool.preparedQuery("""
                        select channel, target, attempts, delivered_at, next_attempt_at, last_error from handover_deliveries
                        where tenant_id = $1 and case_id = $2""")
                .execute(Tuple.of(tenant.value(), caseId))
                .map(rows -> rows.size() == 0 ? Optional.<Status>empty() : Optional.of(status(rows.iterator().next())));
    }

    private List<Due> claim(Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        update handover_deliveries set attempts = attempts + 1, next_attempt_at = $2
                        where id in (select id from handover_deliveries where delivered_at is null and next_attempt_at <= $1
                                     order by next_attempt_at limit $3 for update skip locked)
                        returning id, tenant_id, case_id, channel, target, attempts""")
                        .execute(Tuple.of(utc(now), utc(now.plus(config.deliveryLease())), config.deliveryBatch())))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getUUID("id"), new TenantId(row.getUUID("tenant_id")), row.getUUID("case_id"),
                            row.getString("channel"), row.getString("target"), row.getInteger("attempts"))));
                    return due;
                })
                .await().atMost(Duration.ofMinutes(1));
    }

    private Outcome deliver(Due due, Instant now) {
        try {
            String agency = send(due);
            OnVertxContext.await(() -> transactions.inTransaction(due.tenant(), session -> delivered(session, due, agency, now)));
            return new Outcome(due.caseId(), due.channel(), true, null);
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Instant retry = now.plus(backoff(due.attempts()));
            // Only this attempt's row: a replica that re-claimed or delivered it meanwhile keeps its state.
            pool.preparedQuery("""
                            update handover_deliveries set next_attempt_at = $2, last_error = $3
                            where id = $1 and attempts = $4 and delivered_at is null""")
                    .execute(Tuple.of(due.id(), utc(retry), error, due.attempts())).await().atMost(Duration.ofMinutes(1));
            LOG.warnf("Handover of case %s (%s) not delivered, attempt %d, retried at %s: %s", due.caseId(), due.channel(),
                    due.attempts(), retry, error);
            return new Outcome(due.caseId(), due.channel(), false, error);
        }
    }

    /** @return the agency's name for the timeline */
    private String send(Due due) throws Exception {
        record Loaded(HandoverPackage handover, Optional<String> secret) {
        }
        Loaded loaded = OnVertxContext.await(() -> transactions.inTransaction(due.tenant(), session -> packages.stored(session, due.caseId())
                .chain(handover -> HandoverWebhookSecrets.current(session).map(secret -> new Loaded(handover, secret)))));
        byte[] body = json.writeValueAsBytes(loaded.handover());
        switch (due.channel()) {
            case HandoverSettings.DROP_FOLDER -> drop(due, body, HandoverCsv.of(loaded.handover()));
            case HandoverSettings.WEBHOOK -> post(due, body, loaded.secret().orElseThrow(() -> new IllegalStateException(
                    "no webhook signing secret: a tenant admin creates one (POST /api/handover/webhook-secret)")));
            default -> throw new IllegalStateException("unknown handover channel " + due.channel());
        }
        return loaded.handover().recipient();
    }

    private void drop(Due due, byte[] body, String csv) throws IOException {
        Path root = config.dropFolder().orElseThrow(() -> new IllegalStateException(
                "no drop folder configured (agiledunning.handover.drop-folder)"));
        Path folder = Files.createDirectories(root.resolve(due.tenant().value().toString()));
        write(folder, due.caseId() + ".csv", csv.getBytes(StandardCharsets.UTF_8));
        write(folder, due.caseId() + ".json", body); // last: its presence says the pair is complete
    }

    /** Written beside and moved into place, so the agency never collects half a file. */
    private static void write(Path folder, String name, byte[] content) throws IOException {
        Path partial = folder.resolve(name + ".partial");
        Files.write(partial, content);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void post(Due due, byte[] body, String secret) throws IOException, InterruptedException {
        if (due.target() == null) {
            throw new IllegalStateException("no webhook URL in the tenant's settings");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.target()))
                .timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant().getEpochSecond(), body))
                .header("X-AgileDunning-Delivery", due.id().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body().length() > 200 ? response.body().substring(0, 200) + "…" : response.body();
            throw new IllegalStateException("the agency answered HTTP %d: %s".formatted(response.statusCode(), answer));
        }
    }

    private Uni<Void> delivered(Mutiny.Session session, Due due, String agency, Instant now) {
        String where = HandoverSettings.WEBHOOK.equals(due.channel()) ? "webhook " + due.target() : "drop folder";
        return session.createNativeQuery("update handover_deliveries set delivered_at = :at, last_error = null where id = :id")
                .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("id", due.id())
                .executeUpdate()
                .chain(() -> cases.findById(session, due.caseId()))
                .chain(found -> {
                    Case c = found.orElseThrow(() -> new IllegalStateException("case " + due.caseId() + " is gone"));
                    return cases.append(session, CaseEvent.record(due.tenant(), due.caseId(), "HandoverDelivered", c.status(), c.status(),
                            "handover package delivered to %s by %s (attempt %d)".formatted(agency, where, due.attempts()),
                            Map.of("channel", due.channel(), "attempt", due.attempts()), "system", now));
                })
                .replaceWithVoid();
    }

    /** 1 minute, then 5, 25, … at most 6 hours. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_RETRY) < 0; i++) {
            wait = wait.multipliedBy(5);
        }
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    private static Status status(Row row) {
        return new Status(row.getString("channel"), row.getString("target"), row.getInteger("attempts"),
                instant(row.getOffsetDateTime("delivered_at")), instant(row.getOffsetDateTime("next_attempt_at")), row.getString("last_error"));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
