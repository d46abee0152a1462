package io.agiledunning.cases.dunning.api;

import io.agiledunning.cases.dunning.service.ContactPolicies;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The tenant's contact policy (docs/dunning.md, "Guardrails"): every tenant role reads it, since it explains when the
 * engine contacts; tenant admins narrow it.
 */
@Path("/api/contact-policy")
public class ContactPolicyResource {

    /** Local times as {@code HH:mm}. */
    public record ContactPolicyView(String earliest, String latest, int maxContacts, boolean sundaysAndHolidaysFree, int version,
                                    String changedBy, Instant changedAt) {
        static ContactPolicyView of(ContactPolicies.Current current) {
            return new ContactPolicyView(current.earliest().toString(), current.latest().toString(), current.maxContacts(), true,
                    current.version(), current.changedBy().orElse(null), current.changedAt().orElse(null));
        }
    }

    public record ContactPolicyChange(String earliest, String latest, Integer maxContacts) {
    }

    private final ContactPolicies policies;
    private final CurrentTenant currentTenant;

    public ContactPolicyResource(ContactPolicies policies, CurrentTenant currentTenant) {
        this.policies = policies;
        this.currentTenant = currentTenant;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<ContactPolicyView> get() {
        return policies.get(currentTenant.require()).map(ContactPolicyView::of);
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<ContactPolicyView> change(ContactPolicyChange change, @HeaderParam("X-Correlation-Id") String correlationId) {
        ContactPolicyChange given = change == null ? new ContactPolicyChange(null, null, null) : change;
        return policies.change(currentTenant.require(), new ContactPolicies.Change(time("earliest", given.earliest()),
                        time("latest", given.latest()), given.maxContacts()), correlationId)
                .map(ContactPolicyView::of);
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a local time like \"09:00\", got '%s'".formatted(value));
        }
    }
}
