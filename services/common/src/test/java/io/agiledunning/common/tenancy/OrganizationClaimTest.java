package io.agiledunning.common.tenancy;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrganizationClaimTest {

    private static final UUID ACME = UUID.fromString("7b0f6a52-3a51-4a3e-9d0e-3c3f6f2b1a10");

    @Test
    void readsAliasAndIdOfTheOnlyOrganization() {
        var claim = Json.createObjectBuilder()
                .add("acme", Json.createObjectBuilder().add("id", ACME.toString()))
                .build();

        var membership = OrganizationClaim.parse(claim).orElseThrow();

        assertEquals("acme", membership.alias());
        assertEquals(new TenantId(ACME), membership.tenantId());
    }

    @Test
    void acceptsTheIdAsASingleElementList() {
        var claim = Json.createObjectBuilder()
                .add("acme", Json.createObjectBuilder().add("id", Json.createArrayBuilder().add(ACME.toString())))
                .build();

        assertEquals(new TenantId(ACME), OrganizationClaim.parse(claim).orElseThrow().tenantId());
    }

    @Test
    void noClaimMeansNoTenant() {
        assertEquals(Optional.empty(), OrganizationClaim.parse(null));
        assertEquals(Optional.empty(), OrganizationClaim.parse(Json.createObjectBuilder().build()));
    }

    @Test
    void refusesTwoOrganizationsInsteadOfGuessing() {
        var claim = Json.createObjectBuilder()
                .add("acme", Json.createObjectBuilder().add("id", ACME.toString()))
                .add("globex", Json.createObjectBuilder().add("id", UUID.randomUUID().toString()))
                .build();

        var error = assertThrows(IllegalArgumentException.class, () -> OrganizationClaim.parse(claim));
        assertEquals("token names 2 organizations; exactly one is allowed", error.getMessage());
    }

    @Test
    void refusesAnAliasListWithoutIds() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> OrganizationClaim.parse(Json.createArrayBuilder().add("acme").build()));
        assertEquals("organization claim must map alias to {id}, got JsonArrayImpl", error.getMessage().replaceAll("got .*Json.*", "got JsonArrayImpl"));
    }
}
