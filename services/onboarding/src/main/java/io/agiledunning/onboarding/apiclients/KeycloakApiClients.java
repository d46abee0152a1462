package io.agiledunning.onboarding.apiclients;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.OrganizationClaim;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.onboarding.signup.OnboardingConfig;
import io.agiledunning.onboarding.users.TenantRole;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.agiledunning.onboarding.keycloak.KeycloakCalls.call;
import static io.agiledunning.onboarding.keycloak.KeycloakCalls.unexpected;

/**
 * A tenant's API clients are confidential Keycloak clients with a service account (client-credentials grant).
 * Each is bound to its tenant by a hard-coded {@code organization} claim of exactly the shape users' tokens
 * carry ({@code {"<alias>": {"id": "<uuid>"}}}, read by {@link OrganizationClaim}): a service account is no
 * organization member, so Keycloak's membership mapper would give it none. Its one tenant role is a realm
 * role of the service account. The tenant, role and dates are client attributes, so Keycloak is the only
 * record; a client of another tenant is NOT_FOUND exactly like one that does not exist.
 */
@ApplicationScoped
public class KeycloakApiClients {

    static final String TENANT = "agiledunning.tenant-id";
    static final String ROLE = "agiledunning.role";
    static final String CREATED_AT = "agiledunning.created-at";
    static final String ROTATED_AT = "agiledunning.rotated-at";
    private static final String AUDIENCE = "agile-dunning-api";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keycloak keycloak;
    private final OnboardingConfig config;

    public KeycloakApiClients(Keycloak keycloak, OnboardingConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    public Uni<List<ApiClient>> list(TenantContext tenant) {
        return call(() -> realm().clients().findAll(prefix(tenant), false, true, 0, 1000).stream()
                .filter(client -> ownedBy(client, tenant))
                .map(KeycloakApiClients::describe)
                .toList());
    }

    public Uni<ApiClient.WithSecret> create(TenantContext tenant, String name, TenantRole role, Instant now) {
        return call(() -> {
            String clientId = prefix(tenant) + randomSuffix();
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(name);
            client.setDescription("API client of tenant " + tenant.tenantAlias());
            client.setEnabled(true);
            client.setProtocol("openid-connect");
            client.setPublicClient(false);
            client.setClientAuthenticatorType("client-secret");
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setImplicitFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setFullScopeAllowed(true);
            client.setDefaultClientScopes(List.of("basic", "roles"));
            client.setOptionalClientScopes(List.of());
            client.setAttributes(new HashMap<>(Map.of(TENANT, tenant.tenantId().value().toString(), ROLE, role.realmRole(),
                    CREATED_AT, now.toString(), ROTATED_AT, now.toString())));
            client.setProtocolMappers(List.of(audience(), organization(tenant)));
            String id;
            try (Response response = realm().clients().create(client)) {
                if (response.getStatus() != 201) {
                    throw unexpected("creating API client " + clientId, response.getStatus());
                }
                String path = response.getLocation().getPath();
                id = path.substring(path.lastIndexOf('/') + 1);
            }
            try {
                String serviceAccount = realm().clients().get(id).getServiceAccountUser().getId();
                realm().users().get(serviceAccount).roles().realmLevel()
                        .add(List.of(realm().roles().get(role.realmRole()).toRepresentation()));
                String secret = realm().clients().get(id).getSecret().getValue();
                return new ApiClient.WithSecret(new ApiClient(clientId, name, role, now, now), secret);
            } catch (RuntimeException e) {
                realm().clients().get(id).remove();
                throw e;
            }
        });
    }

    /** A new secret; Keycloak forgets the old one at once (no secret-rotation grace policy in this realm). */
    public Uni<ApiClient.WithSecret> rotate(TenantContext tenant, String clientId, Instant now) {
        return call(() -> {
            ClientRepresentation client = owned(tenant, clientId);
            String secret = realm().clients().get(client.getId()).generateNewSecret().getValue();
            ClientRepresentation fresh = realm().clients().get(client.getId()).toRepresentation();
            fresh.getAttributes().put(ROTATED_AT, now.toString());
            realm().clients().get(client.getId()).update(fresh);
            return new ApiClient.WithSecret(describe(fresh), secret);
        });
    }

    /** Deletes the client with its service account: no more tokens. */
    public Uni<ApiClient> revoke(TenantContext tenant, String clientId) {
        return call(() -> {
            ClientRepresentation client = owned(tenant, clientId);
            realm().clients().get(client.getId()).remove();
            return describe(client);
        });
    }

    private ClientRepresentation owned(TenantContext tenant, String clientId) {
        return Optional.ofNullable(clientId)
                .filter(id -> id.startsWith(prefix(tenant)))
                .flatMap(id -> realm().clients().findByClientId(id).stream().filter(client -> ownedBy(client, tenant)).findFirst())
                .orElseThrow(() -> ApiException.notFound("API client", clientId));
    }

    private static boolean ownedBy(ClientRepresentation client, TenantContext tenant) {
        return client.getAttributes() != null && tenant.tenantId().value().toString().equals(client.getAttributes().get(TENANT));
    }

    private static ApiClient describe(ClientRepresentation client) {
        Map<String, String> attributes = client.getAttributes();
        return new ApiClient(client.getClientId(), client.getName(),
                TenantRole.ofRealmRole(attributes.get(ROLE)).orElse(TenantRole.TENANT_VIEWER),
                Instant.parse(attributes.get(CREATED_AT)), Instant.parse(attributes.get(ROTATED_AT)));
    }

    /** {@code api-<alias>-}: client ids say whose they are, and a tenant's clients are found by this prefix. */
    private static String prefix(TenantContext tenant) {
        return "api-" + tenant.tenantAlias() + "-";
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }

    private static ProtocolMapperRepresentation audience() {
        return mapper("audience " + AUDIENCE, "oidc-audience-mapper", Map.of(
                "included.client.audience", AUDIENCE,
                "access.token.claim", "true",
                "id.token.claim", "false",
                "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation organization(TenantContext tenant) {
        String claim = "{\"%s\": {\"id\": \"%s\"}}".formatted(tenant.tenantAlias(), tenant.tenantId().value());
        return mapper("tenant organization", "oidc-hardcoded-claim-mapper", Map.of(
                "claim.name", OrganizationClaim.NAME,
                "claim.value", claim,
                "jsonType.label", "JSON",
                "access.token.claim", "true",
                "id.token.claim", "false",
                "introspection.token.claim", "true",
                "userinfo.token.claim", "false"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }
}
