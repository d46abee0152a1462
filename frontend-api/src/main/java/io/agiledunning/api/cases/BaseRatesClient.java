package io.agiledunning.api.cases;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The base rates (§ 247 BGB) the cases service computes interest with, called with the caller's own token. */
@Path("/api/base-rates")
@RegisterRestClient(configKey = "cases")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface BaseRatesClient {

    record BaseRateDto(LocalDate validFrom, BigDecimal percent, String source, String addedBy, Instant addedAt) {
    }

    record AddBaseRateBody(LocalDate validFrom, BigDecimal percent, String source) {
    }

    @GET
    Uni<List<BaseRateDto>> list();

    @POST
    Uni<BaseRateDto> add(AddBaseRateBody body);
}
