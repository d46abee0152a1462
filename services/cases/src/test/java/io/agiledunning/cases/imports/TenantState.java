package io.agiledunning.cases.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.PublishedEvents;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/**
 * Everything a tenant has in the cases service, as its API and its published events show it, without what
 * differs by nature between two tenants or two runs (ids, timestamps, actors, correlation ids): two tenants
 * that placed the same claims with the same outcome have equal states.
 */
final class TenantState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VOLATILE = List.of("id", "caseId", "claimId", "debtorId", "createdAt", "updatedAt",
            "occurredAt", "actor", "eventId", "tenantId", "aggregateId", "correlationId");

    private TenantState() {
    }

    /** @param baseUrl the service's base URL, or null for REST Assured's default (the @QuarkusTest app) */
    static String of(String baseUrl, String tenantId, String viewerToken) {
        Map<String, List<JsonNode>> events = events(tenantId);
        List<JsonNode> cases = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = get(baseUrl, viewerToken, "/api/cases?first=100" + (after == null ? "" : "&after=" + after));
            page.get("items").forEach(cases::add);
            after = page.get("hasNextPage").asBoolean() ? page.get("endCursor").asText() : null;
        } while (after != null);
        ArrayNode state = JSON.createArrayNode();
        cases.stream().sorted(Comparator.comparing(c -> c.get("externalReference").asText())).forEach(c -> {
            String id = c.get("id").asText();
            ObjectNode entry = stripped(c);
            entry.set("debtor", stripped(get(baseUrl, viewerToken, "/api/debtors/" + c.get("debtorId").asText())));
            entry.set("claims", strippedAll(get(baseUrl, viewerToken, "/api/cases/" + id + "/claims"), "externalReference"));
            entry.set("timeline", strippedAll(get(baseUrl, viewerToken, "/api/cases/" + id + "/timeline"), null));
            entry.set("events", JSON.valueToTree(events.getOrDefault(tenantId + ":" + id, List.of()).stream().map(TenantState::stripped).toList()));
            state.add(entry);
        });
        return state.toPrettyString();
    }

    /**
     * Published events of the tenant, by Kafka key, oldest first; each event once, as a consumer's inbox sees them
     * (the relay publishes at least once: a service killed between publishing and marking publishes again).
     */
    static Map<String, List<JsonNode>> events(String tenantId) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return PublishedEvents.readAll(Topics.CASES).stream()
                .filter(r -> r.key().startsWith(tenantId + ":"))
                .map(r -> Map.entry(r.key(), read(r.value())))
                .filter(e -> seen.add(e.getValue().get("eventId").asText()))
                .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    static int eventCount(String tenantId) {
        return events(tenantId).values().stream().mapToInt(List::size).sum();
    }

    private static ArrayNode strippedAll(JsonNode items, String sortBy) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        if (sortBy != null) {
            list.sort(Comparator.comparing((Function<JsonNode, String>) n -> n.get(sortBy).asText()));
        }
        ArrayNode out = JSON.createArrayNode();
        list.forEach(n -> out.add(stripped(n)));
        return out;
    }

    private static ObjectNode stripped(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(VOLATILE);
            object.forEach(TenantState::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(TenantState::strip);
        }
    }

    private static JsonNode get(String baseUrl, String token, String path) {
        RequestSpecification request = given().auth().oauth2(token);
        if (baseUrl != null) {
            request = request.baseUri(baseUrl);
        }
        return read(request.get(path).then().statusCode(200).extract().asString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
