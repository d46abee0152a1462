package io.agiledunning.cases.repository;

import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Row-level security on its own, without Hibernate and its tenant filter: the application's database
 * role, running a query that forgets the tenant condition, still sees only the tenant of its transaction.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class RowLevelSecurityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Test
    void anUnfilteredQueryInTenantBsTransactionReturnsNoneOfTenantAsRows() {
        TestTenant a = TestTenants.create("rls-a");
        TestTenant b = TestTenants.create("rls-b");
        UUID caseOfA = openCase(a);
        UUID caseOfB = openCase(b);

        List<UUID> seenByB = caseIdsVisibleTo(b.id());
        List<UUID> seenByA = caseIdsVisibleTo(a.id());

        assertFalse(seenByB.contains(caseOfA), "tenant B saw tenant A's case");
        assertTrue(seenByB.contains(caseOfB));
        assertTrue(seenByA.contains(caseOfA));
        assertFalse(seenByA.contains(caseOfB));
        assertTrue(caseIdsVisibleTo(null).isEmpty(), "without a tenant the app role must see no row at all");
    }

    @Test
    void theAppRoleCannotWriteARowForAnotherTenant() {
        TestTenant a = TestTenants.create("rls-write-a");
        TestTenant b = TestTenants.create("rls-write-b");

        var error = assertThrows(Exception.class, () -> pool.withTransaction(connection ->
                        connection.preparedQuery("select set_config('app.tenant_id', $1, true)").execute(Tuple.of(b.id().toString()))
                                .chain(() -> connection.preparedQuery("""
                                                insert into cases (id, tenant_id, external_reference, debtor_name, outstanding_minor,
                                                                   currency, status, opened_by, created_at)
                                                values ($1, $2, 'SMUGGLED', 'x', 1, 'EUR', 'OPEN', 'test', now())""")
                                        .execute(Tuple.of(UUID.randomUUID(), a.id()))))
                .await().atMost(TIMEOUT));

        assertTrue(error.getMessage().contains("row-level security"), error.getMessage());
    }

    @Test
    void theAppRoleIsNeitherOwnerNorSuperuserNorBypassesRowLevelSecurity() {
        Row role = pool.query("""
                        select r.rolsuper, r.rolbypassrls, t.tableowner, current_user as me, c.relforcerowsecurity
                        from pg_roles r, pg_tables t, pg_class c
                        where r.rolname = current_user and t.tablename = 'cases' and c.relname = 'cases'""")
                .execute().await().atMost(TIMEOUT).iterator().next();

        assertFalse(role.getBoolean("rolsuper"));
        assertFalse(role.getBoolean("rolbypassrls"));
        assertNotEquals(role.getString("me"), role.getString("tableowner"));
        assertTrue(role.getBoolean("relforcerowsecurity"));
    }

    private List<UUID> caseIdsVisibleTo(UUID tenant) {
        return pool.withTransaction(connection -> (tenant == null
                        ? connection.query("select 1").execute()
                        : connection.preparedQuery("select set_config('app.tenant_id', $1, true)").execute(Tuple.of(tenant.toString())))
                        .chain(() -> connection.query("select id from cases").execute()))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    return ids;
                })
                .await().atMost(TIMEOUT);
    }

    private static UUID openCase(TestTenant tenant) {
        String id = given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .body("""
                        {"externalReference": "RLS-1", "debtorName": "Debtor", "amount": {"amount": 1.00, "currency": "EUR"}}""")
                .post("/api/cases")
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }
}
