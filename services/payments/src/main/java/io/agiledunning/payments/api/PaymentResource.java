package io.agiledunning.payments.api;

import io.agiledunning.common.money.Money;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.payments.Payment;
import io.agiledunning.payments.PaymentMethod;
import io.agiledunning.payments.service.PaymentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/payments")
public class PaymentResource {

    /**
     * @param designatedClaimIds the case's claims the debtor named for this payment, in the order named (§ 366(1)
     *                           BGB, e.g. invoice numbers in the transfer's remittance text); optional
     */
    public record RecordPaymentRequest(@NotNull UUID caseId, @NotNull Money amount, @NotNull PaymentMethod method,
                                       @NotNull LocalDate receivedOn, @Size(max = 140) String reference,
                                       @Size(max = 50) List<@NotNull UUID> designatedClaimIds) {
        List<UUID> designation() {
            return designatedClaimIds == null ? List.of() : List.copyOf(designatedClaimIds);
        }
    }

    public record PaymentView(UUID id, UUID caseId, Money amount, PaymentMethod method, LocalDate receivedOn, String reference,
                              List<UUID> designatedClaimIds, Instant createdAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.caseId(), p.amount(), p.method(), p.receivedOn(), p.reference(),
                    p.designatedClaimIds(), p.createdAt());
        }
    }

    private final PaymentService payments;
    private final CurrentTenant currentTenant;

    public PaymentResource(PaymentService payments, CurrentTenant currentTenant) {
        this.payments = payments;
        this.currentTenant = currentTenant;
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<Response> record(@Valid @NotNull RecordPaymentRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return payments.record(currentTenant.require(), request.caseId(), request.amount(), request.method(), request.receivedOn(),
                        request.reference(), request.designation(), correlationId)
                .map(p -> Response.created(URI.create("/api/payments/case/" + p.caseId())).entity(PaymentView.of(p)).build());
    }

    @GET
    @Path("/case/{caseId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<List<PaymentView>> forCase(@PathParam("caseId") UUID caseId) {
        return payments.forCase(currentTenant.require(), caseId).map(list -> list.stream().map(PaymentView::of).toList());
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<Page<PaymentView>> list(@QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        return payments.list(currentTenant.require(), PageRequest.of(first, after)).map(page -> page.map(PaymentView::of));
    }
}
