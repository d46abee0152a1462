package io.agiledunning.cases.api;

import io.agiledunning.cases.service.BaseRateService;
import io.agiledunning.common.tenancy.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The base rates (§ 247 BGB) the legal engine computes interest with. Everyone signed in may read them (a tenant
 * must be able to explain its interest); only platform admins add the next half-year's rate when the Bundesbank
 * publishes it, without a release.
 */
@Path("/api/base-rates")
public class BaseRateResource {

    public record AddBaseRateRequest(
            @NotNull LocalDate validFrom,
            @NotNull BigDecimal percent,
            @NotBlank @Size(max = 300) String source) {
    }

    /** @param addedBy null for a bundled rate */
    public record BaseRateView(LocalDate validFrom, BigDecimal percent, String source, String addedBy, Instant addedAt) {
        static BaseRateView of(BaseRateService.Rate rate) {
            return new BaseRateView(rate.validFrom(), rate.percent(), rate.source(), rate.addedBy().orElse(null),
                    rate.addedAt().orElse(null));
        }
    }

    private final BaseRateService baseRates;
    private final SecurityIdentity identity;

    public BaseRateResource(BaseRateService baseRates, SecurityIdentity identity) {
        this.baseRates = baseRates;
        this.identity = identity;
    }

    /** Every rate in force, oldest first. */
    @GET
    @Authenticated
    public Uni<List<BaseRateView>> list() {
        return baseRates.rates().map(rates -> rates.stream().map(BaseRateView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<Response> add(@Valid @NotNull AddBaseRateRequest request) {
        return baseRates.add(request.validFrom(), request.percent(), request.source().strip(), identity.getPrincipal().getName())
                .map(rate -> Response.created(URI.create("/api/base-rates/" + rate.validFrom()))
                        .entity(BaseRateView.of(rate)).build());
    }
}
