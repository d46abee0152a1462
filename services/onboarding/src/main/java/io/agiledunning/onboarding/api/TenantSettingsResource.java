package io.agiledunning.onboarding.api;

import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.onboarding.TenantSettings.Values;
import io.agiledunning.onboarding.service.TenantSettingsService;
import io.agiledunning.onboarding.service.TenantSettingsService.Current;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.agiledunning.onboarding.TenantSettingsChange;
import io.agiledunning.onboarding.settings.SettingsRules;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.time.ZoneId;

@Path("/api/tenant-settings")
public class TenantSettingsResource {

    public record SettingsView(String displayName, String locale, String timeZone, String defaultCurrency,
                               int dunningHorizonDays, String logoUrl, String primaryColour, String accentColour, String senderName,
                               String replyTo, String legalFooter, String iban, String bic, String germanState, String agencyName,
                               String agencyChannel, String agencyWebhookUrl, int version, String updatedBy) {
        static SettingsView of(Current current) {
            Values v = current.values();
            return new SettingsView(v.displayName(), v.locale(), v.timeZone(), v.defaultCurrency(), v.dunningHorizonDays(), v.logoUrl(),
                    v.primaryColour(), v.accentColour(), v.senderName(), v.replyTo(), v.legalFooter(), v.iban(), v.bic(), v.germanState(),
                    v.agencyName(), v.agencyChannel(), v.agencyWebhookUrl(), current.version(), current.updatedBy().orElse(null));
        }
    }

    public record ChangeView(int version, String field, String from, String to, String changedBy, Instant changedAt) {
        static ChangeView of(TenantSettingsChange change) {
            return new ChangeView(change.version(), change.field(), change.oldValue(), change.newValue(), change.changedBy(), change.changedAt());
        }
    }

    /**
     * The whole settings (PUT replaces them): the optional fields left out or blank are "not set". The dunning horizon
     * is 30–365 days: below a month no strategy can run its steps, beyond a year claims approach limitation.
     */
    public record ChangeSettingsRequest(
            @NotBlank @Size(max = 120) String displayName,
            @NotNull @Pattern(regexp = "de|en", message = "must be de or en") String locale,
            @NotBlank String timeZone,
            @NotBlank String defaultCurrency,
            @Min(30) @Max(365) int dunningHorizonDays,
            String logoUrl, String primaryColour, String accentColour, String senderName, String replyTo, String legalFooter,
            String iban, String bic, String germanState, String agencyName, String agencyChannel, String agencyWebhookUrl,
            @Min(0) int expectedVersion) {
    }

    private final TenantSettingsService settings;
    private final CurrentTenant currentTenant;

    public TenantSettingsResource(TenantSettingsService settings, CurrentTenant currentTenant) {
        this.settings = settings;
        this.currentTenant = currentTenant;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<SettingsView> get() {
        return settings.get(currentTenant.require()).map(SettingsView::of);
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<SettingsView> change(@Valid @NotNull ChangeSettingsRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        Values values = SettingsRules.check(new Values(request.displayName().strip(), request.locale(), validZone(request.timeZone()),
                validCurrency(request.defaultCurrency()), request.dunningHorizonDays(), request.logoUrl(), request.primaryColour(),
                request.accentColour(), request.senderName(), request.replyTo(), request.legalFooter(), request.iban(), request.bic(),
                request.germanState(), request.agencyName(), request.agencyChannel(), request.agencyWebhookUrl()));
        return settings.change(currentTenant.require(), values, request.expectedVersion(), correlationId).map(SettingsView::of);
    }

    /** Tenant admins: who changed which field from what to what, newest first. */
    @GET
    @Path("/changes")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<List<ChangeView>> history(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit", "must be between 1 and 500");
        }
        return settings.history(currentTenant.require(), limit).map(changes -> changes.stream().map(ChangeView::of).toList());
    }

    private static String validZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiException.invalid("timeZone", "'%s' is not a time zone such as Europe/Berlin".formatted(zone));
        }
    }

    private static String validCurrency(String code) {
        try {
            return Money.currency(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("defaultCurrency", e.getMessage());
        }
    }
}
