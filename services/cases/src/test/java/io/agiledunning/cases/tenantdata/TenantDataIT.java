package io.agiledunning.cases.tenantdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Placement;
import io.agiledunning.common.data.tenantdata.TenantRetention;
import io.agiledunning.common.retention.TableRetention;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's offboarding in this service (docs/offboarding.md): its data exported whole and only its own, the
 * offboarding day recorded once, and erasure table by table when each retention class allows, never touching another
 * tenant.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class TenantDataIT {

    private static final LocalDate OFFBOARDED_ON = LocalDate.of(2026, 12, 5);

    @Inject
    TenantRetention retention;

    @Inject
    ObjectMapper json;

    @Test
    void anOffboardedTenantsDataIsExportedKeptAndErasedWhenItsRetentionEnds() throws Exception {
        TestTenant leaving = TestTenants.create("off-acme");
        TestTenant staying = TestTenants.create("off-globex");
        String leavingClaim = "INV-" + UUID.randomUUID();
        String stayingClaim = "INV-" + UUID.randomUUID();
        place(leaving, leavingClaim);
        String stayingCase = place(staying, stayingClaim);
        String admin = TestTenants.platformAdminToken();

        // The export: every table with the tenant's rows, its claim in it, nothing of the other tenant.
        List<JsonNode> exported = export(admin, leaving);
        Set<String> tables = new TreeSet<>();
        exported.forEach(line -> tables.add(line.get("table").asText()));
        assertTrue(tables.containsAll(Set.of("debtors", "cases", "claims", "case_events", "outbox", "search_terms")), tables.toString());
        assertTrue(exported.stream().allMatch(line -> line.get("row").get("tenant_id").asText().equals(leaving.id().toString())),
                "only the tenant's own rows");
        assertTrue(exported.stream().anyMatch(line -> line.get("table").asText().equals("claims")
                && line.get("row").get("external_reference").asText().equals(leavingClaim)));
        assertFalse(exported.toString().contains(stayingClaim), "nothing of the other tenant");

        // Only platform admins; and nothing is kept before the offboarding is recorded.
        as(leaving.adminToken()).get(dataOf(leaving)).then().statusCode(403);
        as(admin).get(dataOf(leaving) + "/retention").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(admin).contentType(ContentType.JSON).body(Map.of()).put(dataOf(leaving) + "/offboarding")
                .then().statusCode(400).body("fields.field", hasItem("offboardedOn"));

        // Recorded once: a repeat with another day keeps the first.
        as(admin).contentType(ContentType.JSON).body(Map.of("offboardedOn", OFFBOARDED_ON.toString())).put(dataOf(leaving) + "/offboarding")
                .then().statusCode(200).body("offboardedOn", equalTo("2026-12-05"));
        Map<String, TableRetention> schedule = schedule(admin, leaving);
        as(admin).contentType(ContentType.JSON).body(Map.of("offboardedOn", "2027-02-01")).put(dataOf(leaving) + "/offboarding")
                .then().statusCode(200).body("offboardedOn", equalTo("2026-12-05"));
        assertEquals(LocalDate.of(2037, 1, 1), schedule.get("claims").erasableFrom(), "books: 10 years from the end of 2026");
        assertEquals(LocalDate.of(2033, 1, 1), schedule.get("dunning_contacts").erasableFrom(), "letters: 6 years");
        assertEquals(LocalDate.of(2027, 1, 4), schedule.get("search_terms").erasableFrom(), "no duty: after the 30-day grace");

        // Nothing before its day; on it only the tables without a duty.
        assertEquals(List.of(), retention.eraseDue(LocalDate.of(2027, 1, 3)));
        List<TableRetention> firstRun = retention.eraseDue(LocalDate.of(2027, 1, 4));
        assertEquals(tablesOfClass(schedule, "NONE"), names(firstRun));
        Map<String, Long> left = rowsByTable(export(admin, leaving));
        assertFalse(left.containsKey("search_terms"));
        assertEquals(1L, left.get("claims"), "the claim is kept, restricted");
        assertTrue(rowsByTable(export(admin, staying)).containsKey("search_terms"), "the other tenant keeps everything");

        assertEquals(List.of(), retention.eraseDue(LocalDate.of(2027, 6, 1)), "each table is erased once");
        List<TableRetention> letters = retention.eraseDue(LocalDate.of(2033, 1, 1));
        assertEquals(tablesOfClass(schedule, "BUSINESS_LETTERS"), names(letters));
        List<TableRetention> books = retention.eraseDue(LocalDate.of(2037, 1, 1));
        assertEquals(tablesOfClass(schedule, "BOOKS"), names(books));
        assertEquals(1L, books.stream().filter(t -> t.table().equals("claims")).findFirst().orElseThrow().rowsErased());

        assertEquals(List.of(), export(admin, leaving), "nothing of the tenant is left");
        assertTrue(schedule(admin, leaving).values().stream().allMatch(t -> t.erasedAt() != null), "the schedule shows every erasure");
        List<JsonNode> kept = export(admin, staying);
        assertTrue(kept.stream().anyMatch(line -> line.get("row").path("external_reference").asText().equals(stayingClaim)));
        as(staying.agentToken()).get("/api/cases/" + stayingCase).then().statusCode(200);
    }

    private static Set<String> names(List<TableRetention> erased) {
        return new TreeSet<>(erased.stream().map(TableRetention::table).toList());
    }

    private static Set<String> tablesOfClass(Map<String, TableRetention> schedule, String retentionClass) {
        Set<String> tables = new TreeSet<>();
        schedule.values().stream().filter(t -> t.retentionClass().name().equals(retentionClass)).forEach(t -> tables.add(t.table()));
        return tables;
    }

    private Map<String, TableRetention> schedule(String admin, TestTenant tenant) throws Exception {
        JsonNode body = json.readTree(as(admin).get(dataOf(tenant) + "/retention").then().statusCode(200).extract().asString());
        Map<String, TableRetention> tables = new TreeMap<>();
        for (JsonNode table : body.get("tables")) {
            TableRetention retained = json.treeToValue(table, TableRetention.class);
            tables.put(retained.table(), retained);
        }
        return tables;
    }

    private List<JsonNode> export(String admin, TestTenant tenant) throws Exception {
        String body = as(admin).get(dataOf(tenant)).then().statusCode(200)
                .contentType(equalTo("application/x-ndjson; charset=UTF-8")).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private static Map<String, Long> rowsByTable(List<JsonNode> lines) {
        Map<String, Long> rows = new TreeMap<>();
        lines.forEach(line -> rows.merge(line.get("table").asText(), 1L, Long::sum));
        return rows;
    }

    /** @return the case's id */
    private static String place(TestTenant tenant, String claimRef) {
        return Placement.of("D-" + claimRef, claimRef).placeAs(tenant.agentToken()).statusCode(201).extract().path("case.id");
    }

    private static String dataOf(TestTenant tenant) {
        return "/api/platform/tenant-data/" + tenant.id();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
