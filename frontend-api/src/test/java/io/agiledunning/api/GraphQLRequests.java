package io.agiledunning.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** A GraphQL call to the API under test, as a client makes it: with the caller's access token, or without one. */
public final class GraphQLRequests {

    private GraphQLRequests() {
    }

    /** Posts {@code query} with {@code token} (null: anonymous); GraphQL answers errors too with 200. */
    public static ValidatableResponse graphql(String token, String query) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/graphql").then().log().ifValidationFails().statusCode(200);
    }
}
