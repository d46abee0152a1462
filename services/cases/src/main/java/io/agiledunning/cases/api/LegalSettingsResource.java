package io.agiledunning.cases.api;

import io.agiledunning.cases.law.LegalSettings;
import io.agiledunning.cases.settings.LegalSettingsService;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The tenant's legal settings (docs/domain.md, "Tenant settings"): everyone of the tenant may read them, since they
 * explain every amount; tenant admins change them. A change applies to statements and allocations from then on;
 * allocations already stored stay as they were made.
 */
@Path("/api/legal-settings")
public class LegalSettingsResource {

    /** @param interestCapPercent null when the tenant claims the full statutory rate */
    public record LegalSettingsView(int version, Money reminderFee, Money reminderFeeCap, boolean chargeB2bFlatFee,
                                    BigDecimal interestCapPercent, String allocationOrder, String firstInterestDay,
                                    boolean paymentDayBearsInterest, String dayCount, String rounding, String changedBy,
                                    Instant changedAt) {
        static LegalSettingsView of(LegalSettingsService.Current current) {
            LegalSettings s = current.settings();
            return new LegalSettingsView(current.version(), s.fees().reminderFee(), s.fees().legalCap(),
                    s.fees().chargeB2bFlatFee(), s.interest().capPercent().orElse(null), s.allocationOrder().name(),
                    s.conventions().firstInterestDay().name(), s.conventions().paymentDayBearsInterest(),
                    s.conventions().dayCount().name(), s.conventions().rounding().name(),
                    current.changedBy().orElse(null), current.changedAt().orElse(null));
        }
    }

    /** Fields left out (null) keep their value; {@code statutoryInterest: true} removes an interest cap. */
    public record ChangeLegalSettingsRequest(Money reminderFee, Boolean chargeB2bFlatFee, BigDecimal interestCapPercent,
                                             Boolean statutoryInterest, String allocationOrder, String firstInterestDay,
                                             Boolean paymentDayBearsInterest, String dayCount, String rounding) {
        LegalSettingsService.Change toChange() {
            return new LegalSettingsService.Change(reminderFee, chargeB2bFlatFee, interestCapPercent, statutoryInterest,
                    allocationOrder, firstInterestDay, paymentDayBearsInterest, dayCount, rounding);
        }
    }

    private final LegalSettingsService settings;
    private final CurrentTenant currentTenant;

    public LegalSettingsResource(LegalSettingsService settings, CurrentTenant currentTenant) {
        this.settings = settings;
        this.currentTenant = currentTenant;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<LegalSettingsView> current() {
        return settings.current(currentTenant.require()).map(LegalSettingsView::of);
    }

    /** Every saved version, newest first: the audit trail of who changed what and when. */
    @GET
    @Path("/history")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<List<LegalSettingsView>> history() {
        return settings.history(currentTenant.require()).map(list -> list.stream().map(LegalSettingsView::of).toList());
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<LegalSettingsView> change(@NotNull ChangeLegalSettingsRequest request,
                                         @HeaderParam("X-Correlation-Id") String correlationId) {
        return settings.change(currentTenant.require(), request.toChange(), correlationId).map(LegalSettingsView::of);
    }
}
