package io.agiledunning.common.tenancy;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.Optional;

/**
 * Reads the Keycloak Organizations claim {@code "organization": {"<alias>": {"id": "<uuid>"}}}. Users and
 * machine clients of a tenant carry exactly one organization; a token naming several is refused rather
 * than guessed (a user must never act for a tenant by accident).
 */
public final class OrganizationClaim {

    public static final String NAME = "organization";

    public record Membership(String alias, TenantId tenantId) {
    }

    private OrganizationClaim() {
    }

    /**
     * @param claim the claim value as the JWT library returns it (a JSON object / map), or null
     * @return the membership, or empty when the token carries no organization
     * @throws IllegalArgumentException when the claim is malformed or names more than one organization
     */
    public static Optional<Membership> parse(Object claim) {
        if (claim == null || claim == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(claim instanceof Map<?, ?> organizations)) {
            throw new IllegalArgumentException("organization claim must map alias to {id}, got " + claim.getClass().getSimpleName());
        }
        if (organizations.isEmpty()) {
            return Optional.empty();
        }
        if (organizations.size() > 1) {
            throw new IllegalArgumentException("token names " + organizations.size() + " organizations; exactly one is allowed");
        }
        Map.Entry<?, ?> only = organizations.entrySet().iterator().next();
        if (!(only.getValue() instanceof Map<?, ?> attributes) || attributes.get("id") == null) {
            throw new IllegalArgumentException("organization claim carries no id for " + only.getKey());
        }
        return Optional.of(new Membership(String.valueOf(only.getKey()), TenantId.of(text(attributes.get("id")))));
    }

    private static String text(Object value) {
        return switch (value) {
            case JsonString string -> string.getString();
            case JsonArray array when array.size() == 1 -> text(array.get(0));
            case java.util.List<?> list when list.size() == 1 -> text(list.get(0));
            default -> String.valueOf(value);
        };
    }
}
