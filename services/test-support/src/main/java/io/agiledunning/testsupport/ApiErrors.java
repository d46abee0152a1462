package io.agiledunning.testsupport;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

import static org.hamcrest.Matchers.equalTo;

/** The services' error body ({@code code, message, fields[{field, reason}]}) as a rest-assured expectation, written once. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** 400 VALIDATION whose first field error names {@code field} and {@code reason}. */
    public static ResponseSpecification validation(String field, String reason) {
        return new ResponseSpecBuilder()
                .expectStatusCode(400)
                .expectBody("code", equalTo("VALIDATION"))
                .expectBody("fields[0].field", equalTo(field))
                .expectBody("fields[0].reason", equalTo(reason))
                .build();
    }
}
