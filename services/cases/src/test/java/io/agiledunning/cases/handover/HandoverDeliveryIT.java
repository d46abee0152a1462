package io.agiledunning.cases.handover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agiledunning.cases.Placement;
import io.agiledunning.cases.dunning.service.SimulationClock;
import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.testsupport.EventSender;
import io.agiledunning.testsupport.Inboxes;
import io.agiledunning.testsupport.Eventually;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A handed-over case's package reaches the agency over the channel of the tenant's settings (TenantSettingsChanged
 * from onboarding, over Kafka): files in the tenant's drop folder, or a webhook signed with the tenant's secret,
 * retried until it gets through and then never again; the download channel queues nothing; no tenant sees another's.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class HandoverDeliveryIT {

    private record Received(String signature, String deliveryId, String body) {
    }

    @Inject
    HandoverDelivery delivery;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    @Test
    void packagesReachTheAgencyByDropFolderOrSignedWebhookOnce() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer agency = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        agency.createContext("/handover", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-AgileDunning-Signature"),
                    exchange.getRequestHeaders().getFirst("X-AgileDunning-Delivery"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        agency.start();
        try {
            TestTenant hooked = TestTenants.create("hd-hook");
            TestTenant dropped = TestTenants.create("hd-drop");
            TestTenant plain = TestTenants.create("hd-plain");
            String webhook = "http://127.0.0.1:%d/handover".formatted(agency.getAddress().getPort());
            EventSender onboarding = new EventSender(json);
            onboarding.publish(hooked.id(), settings("Hook GmbH", "Hook GmbH · Hafenstraße 1 · 20457 Hamburg", "WEBHOOK", webhook, 1));
            onboarding.publish(dropped.id(), settings("Drop AG", "Drop AG · Marktplatz 2 · 80331 München", "DROP_FOLDER", null, 2));
            // Late and older: ignored. Once consumed, the newer one before it on the same key was too.
            Inboxes.awaitApplied("cases", "cases.tenant-holds",
                    onboarding.publish(dropped.id(), settings("Old Name AG", null, "WEBHOOK", webhook, 1)));
            assertEquals("DROP_FOLDER", channelOf(dropped));
            Eventually.within(Duration.ofSeconds(30), () -> assertEquals("WEBHOOK", channelOf(hooked)));

            String hookedCase = handOver(hooked);
            String droppedCase = handOver(dropped);
            String plainCase = handOver(plain);
            as(plain.viewerToken()).get("/api/cases/{id}/handover/delivery", plainCase).then().statusCode(404);
            as(dropped.viewerToken()).get("/api/cases/{id}/handover/delivery", hookedCase).then().statusCode(404)
                    .body("code", equalTo("NOT_FOUND"));
            as(hooked.viewerToken()).get("/api/cases/{id}/handover/delivery", hookedCase).then().statusCode(200)
                    .body("channel", equalTo("WEBHOOK")).body("target", equalTo(webhook)).body("deliveredAt", nullValue());

            // First run: the drop folder gets its files; the webhook waits for a signing secret.
            List<HandoverDelivery.Outcome> first = outcomesOf(delivery.deliverDue(), hookedCase, droppedCase, plainCase);
            assertEquals(2, first.size(), first.toString());
            HandoverDelivery.Outcome droppedOutcome = outcome(first, droppedCase);
            assertTrue(droppedOutcome.delivered(), droppedOutcome.toString());
            HandoverDelivery.Outcome hookedOutcome = outcome(first, hookedCase);
            assertFalse(hookedOutcome.delivered());
            assertTrue(hookedOutcome.error().startsWith("no webhook signing secret"), hookedOutcome.error());
            assertEquals(List.of(), received);

            Path folder = Path.of("target/handover-drop", dropped.id().toString());
            JsonNode dropPackage = json.readTree(Files.readString(folder.resolve(droppedCase + ".json")));
            assertEquals(droppedCase, dropPackage.get("caseId").asText());
            assertEquals("Drop AG", dropPackage.get("creditor").get("name").asText(), "the newest settings, not the late older ones");
            List<String> csv = Files.readAllLines(folder.resolve(droppedCase + ".csv"));
            assertEquals(String.join(",", HandoverCsv.HEADER), csv.getFirst());
            assertTrue(csv.get(1).startsWith(droppedCase + ","), csv.toString());
            assertEquals(List.of(droppedCase + ".csv", droppedCase + ".json"), filesIn(folder), "no partial file left");
            assertFalse(Files.exists(Path.of("target/handover-drop", hooked.id().toString())), "nothing in another tenant's folder");
            assertFalse(Files.exists(Path.of("target/handover-drop", plain.id().toString())));

            as(hooked.agentToken()).post("/api/handover/webhook-secret").then().statusCode(403);
            String secret = as(hooked.adminToken()).post("/api/handover/webhook-secret").then().statusCode(200).extract().path("secret");
            assertTrue(secret.startsWith("whsec_"));

            assertEquals(List.of(), outcomesOf(delivery.deliverDue(), hookedCase, droppedCase), "the retry waits for its back-off");
            SimulationClock.CLOCK.set(Instant.now().plus(Duration.ofMinutes(2)));
            List<HandoverDelivery.Outcome> second = outcomesOf(delivery.deliverDue(), hookedCase, droppedCase);
            assertEquals(List.of(new HandoverDelivery.Outcome(UUID.fromString(hookedCase), "WEBHOOK", true, null)), second);

            assertEquals(1, received.size());
            Received post = received.getFirst();
            String[] parts = post.signature().split(",");
            long timestamp = Long.parseLong(parts[0].substring("t=".length()));
            assertEquals("v1=" + hmacSha256(secret, timestamp + "." + post.body()), parts[1], "signed with the tenant's secret");
            JsonNode hookPackage = json.readTree(post.body());
            assertEquals(hookedCase, hookPackage.get("caseId").asText());
            assertEquals("Hook GmbH", hookPackage.get("creditor").get("name").asText());
            assertEquals("Hook GmbH · Hafenstraße 1 · 20457 Hamburg", hookPackage.get("creditor").get("imprint").asText());
            assertEquals("agile-dunning.handover.v1", hookPackage.get("format").asText());

            SimulationClock.CLOCK.set(Instant.now().plus(Duration.ofDays(1)));
            assertEquals(List.of(), outcomesOf(delivery.deliverDue(), hookedCase, droppedCase), "delivered once, never again");
            as(hooked.viewerToken()).get("/api/cases/{id}/handover/delivery", hookedCase).then().statusCode(200)
                    .body("attempts", equalTo(2)).body("lastError", nullValue()).body("deliveredAt", org.hamcrest.Matchers.notNullValue());
            as(hooked.viewerToken()).get("/api/cases/{id}/timeline", hookedCase).then().statusCode(200)
                    .body("type", hasItem("HandoverDelivered"));
        } finally {
            agency.stop(0);
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** The outcomes of these cases only: other tests of this module may hand over cases of their own tenants. */
    private static List<HandoverDelivery.Outcome> outcomesOf(List<HandoverDelivery.Outcome> all, String... caseIds) {
        List<String> ids = List.of(caseIds);
        return all.stream().filter(o -> ids.contains(o.caseId().toString())).toList();
    }

    private static HandoverDelivery.Outcome outcome(List<HandoverDelivery.Outcome> outcomes, String caseId) {
        return outcomes.stream().filter(o -> o.caseId().toString().equals(caseId)).findFirst().orElseThrow();
    }

    private static TenantSettingsChanged settings(String name, String imprint, String channel, String webhook, int version) {
        return new TenantSettingsChanged(name, "de", "Europe/Berlin", "EUR", 180, "BE", List.of("agencyChannel"), version,
                "tenant-admin", imprint, "Inkasso Nord GmbH", channel, webhook);
    }

    private String channelOf(TestTenant tenant) {
        var rows = pool.withTransaction(connection -> connection.preparedQuery("select set_config('app.tenant_id', $1, true)")
                .execute(Tuple.of(tenant.id().toString()))
                .chain(() -> connection.preparedQuery("select channel, settings_version from tenant_handover_settings").execute()))
                .await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getString("channel");
    }

    /** @return the case id */
    private static String handOver(TestTenant tenant) {
        String ref = "INV-" + UUID.randomUUID();
        String caseId = Placement.of("D-" + ref, ref).placeAs(tenant.agentToken()).statusCode(201).extract().path("case.id");
        as(tenant.agentToken()).contentType(ContentType.JSON).body(Map.of("type", "START_DUNNING"))
                .post("/api/cases/{id}/commands", caseId).then().statusCode(200);
        as(tenant.agentToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "HAND_OVER", "recipient", "Inkasso Nord GmbH", "reason", "dunning exhausted"))
                .post("/api/cases/{id}/commands", caseId).then().statusCode(200).body("status", equalTo("HANDED_OVER"));
        return caseId;
    }

    private static String hmacSha256(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
