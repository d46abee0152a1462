package io.agiledunning.api.onboarding;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL types of onboarding; also the JSON of the onboarding service's REST API. */
public final class OnboardingTypes {

    private OnboardingTypes() {
    }

    /**
     * Every field is optional in the schema, so that a missing one gets the same precise VALIDATION error
     * (field and reason in {@code extensions.fields}) as a wrong one, from the onboarding service.
     */
    @Input("SignUpInput")
    @Description("A company signing up. country: ISO 3166 code (DE); creditorType: B2C or B2B; locale: de (default) or en.")
    public record SignUpInput(String legalName, String country, String street, String postalCode, String city, String vatId,
                              String creditorType, String adminFirstName, String adminLastName, String adminEmail,
                              Boolean acceptedTerms, String locale) {
    }

    @Type("SignUpPayload")
    @Description("The tenant a sign-up created. PENDING_VERIFICATION until the admin follows the mailed link, then ACTIVE.")
    public record SignUpPayload(@Id String tenantId, @NonNull String slug, @NonNull String status, @NonNull String adminEmail) {
    }

    /** The body of the onboarding service's request for a new verification mail. */
    public record ResendBody(String email) {
    }

    /** The body of the onboarding service's verification endpoint. */
    public record VerifyBody(String token, String password) {
    }

    @Type("TenantSettings")
    @Description("How the tenant wants the platform to work for it; version counts the changes. Optional fields are null "
            + "when not set. agencyChannel: DOWNLOAD, DROP_FOLDER or WEBHOOK (then agencyWebhookUrl).")
    public record TenantSettingsNode(@NonNull String displayName, @NonNull String locale, @NonNull String timeZone,
                                     @NonNull String defaultCurrency, int dunningHorizonDays, String logoUrl, String primaryColour,
                                     String accentColour, String senderName, String replyTo, String legalFooter, String iban, String bic,
                                     String germanState, String agencyName, String agencyChannel, String agencyWebhookUrl, int version,
                                     String updatedBy) {
    }

    /**
     * All fields optional in the schema so that a missing one gets the service's precise VALIDATION error; the whole
     * settings are replaced, optional ones left out are "not set".
     */
    @Input("TenantSettingsInput")
    @Description("The tenant's whole settings (they are replaced). locale: de or en; timeZone: IANA (Europe/Berlin); "
            + "dunningHorizonDays: 30–365; colours #RRGGBB; iban with mod-97 check; germanState: BW, BY, … (ISO 3166-2:DE); "
            + "agencyChannel: DOWNLOAD, DROP_FOLDER or WEBHOOK (with agencyWebhookUrl, https); expectedVersion: the version you read.")
    public record TenantSettingsInput(String displayName, String locale, String timeZone, String defaultCurrency,
                                      Integer dunningHorizonDays, String logoUrl, String primaryColour, String accentColour,
                                      String senderName, String replyTo, String legalFooter, String iban, String bic, String germanState,
                                      String agencyName, String agencyChannel, String agencyWebhookUrl, Integer expectedVersion) {
    }

    @Type("TenantSettingsChange")
    @Description("One field of one settings change: who changed it from what to what, when (null: not set).")
    public record TenantSettingsChangeNode(int version, @NonNull String field, String from, String to, @NonNull String changedBy,
                                           @NonNull String changedAt) {
    }

    /** The onboarding service's answer for the caller's tenant. */
    public record TenantStatusBody(String tenantId, String status) {
    }

    /** Why a platform admin suspends or offboards a tenant. */
    public record ReasonBody(String reason) {
    }

    @Type("Tenant")
    @Description("A client company on the platform (platform admins only).")
    public record TenantNode(@Id String tenantId, @NonNull String slug, @NonNull String legalName, @NonNull String country,
                             @NonNull String status, @NonNull String createdAt,
                             @Description("The day the tenant was offboarded; retention of its data counts from it.") String offboardedOn) {
    }

    @Type("TenantUser")
    @Description("A user of your tenant; role is tenant-admin, tenant-agent or tenant-viewer.")
    public record TenantUserNode(@Id @NonNull String id, @NonNull String email, String firstName, String lastName,
                                 @NonNull String role, boolean emailVerified) {
    }

    @Input("InviteUserInput")
    @Description("role: tenant-admin, tenant-agent or tenant-viewer; locale of the invitation mail: de (default) or en.")
    public record InviteUserInput(String email, String firstName, String lastName, String role, String locale) {
    }

    /** The body of the onboarding service's role change. */
    public record RoleBody(String role) {
    }

    /** The body of the onboarding service's invitation acceptance. */
    public record AcceptBody(String token, String password) {
    }

    @Type("InvitationAccepted")
    public record InvitationAccepted(@Id @NonNull String tenantId) {
    }

    @Input("CreateApiClientInput")
    @Description("name: for people (at most 100 characters); role: tenant-admin, tenant-agent or tenant-viewer.")
    public record CreateApiClientInput(String name, String role) {
    }

    @Type("ApiClient")
    @Description("A machine credential of your tenant (client-credentials grant); its secret is never shown again.")
    public record ApiClientNode(@Id @NonNull String clientId, @NonNull String name, @NonNull String role, @NonNull String createdAt,
                                @NonNull String lastRotatedAt) {
    }

    @Type("ApiClientCredentials")
    @Description("A created or rotated API client with its secret: shown only in this answer, store it now.")
    public record ApiClientCredentials(@Id @NonNull String clientId, @NonNull String name, @NonNull String role, @NonNull String createdAt,
                                       @NonNull String lastRotatedAt, @NonNull String secret) {
    }
}
