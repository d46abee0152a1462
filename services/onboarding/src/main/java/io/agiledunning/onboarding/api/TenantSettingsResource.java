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
import jakarta.ws.rs.Path;

import java.time.DateTimeException;
import java.time.ZoneId;

@Path("/api/tenant-settings")
public class TenantSettingsResource {

    public record SettingsView(String displayName, String locale, String timeZone, String defaultCurrency,
                               int dunningHorizonDays, int version, String updatedBy) {
        static SettingsView of(Current current) {
            Values v = current.values();
            return new SettingsView(v.displayName(), v.locale(), v.timeZone(), v.defaultCurrency(), v.dunningHorizonDays(),
                    current.version(), current.updatedBy().orElse(null));
        }
    }

    public record ChangeSettingsRequest(
            @NotBlank @Size(max = 120) String displayName,
            @NotNull @Pattern(regexp = "de|en", message = "must be de or en") String locale,
            @NotBlank String timeZone,
            @NotBlank String defaultCurrency,
            @Min(30) @Max(365) int dunningHorizonDays,
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
        Values values = new Values(request.displayName(), request.locale(), validZone(request.timeZone()),
                validCurrency(request.defaultCurrency()), request.dunningHorizonDays());
        return settings.change(currentTenant.require(), values, request.expectedVersion(), correlationId).map(SettingsView::of);
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
