package io.agiledunning.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Posts GraphQL documents to frontend-api's {@code /graphql}, as a client of the public API would. */
public final class GraphQL {

    private final String endpoint;

    public GraphQL(String baseUrl) {
        this.endpoint = baseUrl + "/graphql";
    }

    /** Posts the document (with the bearer token unless {@code token} is null); HTTP 200 is expected. */
    public JsonPath post(String token, String query, Map<String, Object> variables) {
        return postFrom(null, token, query, variables);
    }

    /** As {@link #post(String, String, Map)}, as if through a reverse proxy that forwards for {@code clientAddress} (unless null). */
    public JsonPath postFrom(String clientAddress, String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request.when().post(endpoint)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    public JsonPath post(String token, String query) {
        return post(token, query, Map.of());
    }

    /** The {@code extensions.code} of every error, in order. */
    public static List<String> errorCodes(JsonPath response) {
        List<String> codes = response.getList("errors.extensions.code", String.class);
        return codes == null ? List.of() : codes;
    }
}
