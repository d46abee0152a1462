package io.agiledunning.cases;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A placed claim, the body of {@code POST /api/claims}: by default a consumer debtor with one e-mail address and a
 * claim of EUR 150.00 issued 2026-02-01, due 2026-03-01, invoice number {@code R-<claim reference>}, with the consumer
 * notice given. Tests override what they are about with {@code with…}; {@link #body()} gives fresh mutable maps, so
 * a test can still bend one field into something invalid.
 */
public final class Placement {

    private final Map<String, Object> debtor = new HashMap<>();
    private final Map<String, Object> claim = new HashMap<>();

    private Placement(String debtorRef, String claimRef) {
        debtor.putAll(Map.of("externalReference", debtorRef, "kind", "CONSUMER", "name", "Erika Mustermann",
                "emails", List.of("erika@example.org")));
        claim.putAll(Map.of("externalReference", claimRef, "invoiceNumber", "R-" + claimRef, "issueDate", "2026-02-01",
                "dueDate", "2026-03-01", "principal", money("150.00"), "consumerNotice", true));
    }

    public static Placement of(String debtorRef, String claimRef) {
        return new Placement(debtorRef, claimRef);
    }

    /** Money as the API reads it, in EUR. */
    public static Map<String, Object> money(String amount) {
        return money(amount, "EUR");
    }

    public static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", new BigDecimal(amount), "currency", currency);
    }

    public Placement withDebtor(Map<String, ?> fields) {
        debtor.putAll(fields);
        return this;
    }

    public Placement withClaim(Map<String, ?> fields) {
        claim.putAll(fields);
        return this;
    }

    public Placement withPrincipal(String amount) {
        claim.put("principal", money(amount));
        return this;
    }

    /** A postal address in Cologne, German as the language, North Rhine-Westphalia for the public holidays. */
    public Placement withAddressInCologne() {
        return withDebtor(Map.of("address", Map.of("street", "Heidestraße 17", "postalCode", "51147", "city", "Köln", "country", "de"),
                "language", "de", "germanState", "NW"));
    }

    public Map<String, Object> body() {
        return new HashMap<>(Map.of("debtor", new HashMap<>(debtor), "claim", new HashMap<>(claim)));
    }

    /** Places the claim with {@code token}'s tenant and role. */
    public ValidatableResponse placeAs(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body()).post("/api/claims")
                .then().log().ifValidationFails();
    }
}
