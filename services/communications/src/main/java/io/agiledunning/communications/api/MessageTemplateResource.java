package io.agiledunning.communications.api;

import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.communications.Channel;
import io.agiledunning.communications.MessageTemplate;
import io.agiledunning.communications.service.MessageTemplateService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;

@Path("/api/templates")
public class MessageTemplateResource {

    public record CreateTemplateRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{1,60}", message = "lowercase letters, digits and dashes, at most 60") String key,
            @NotNull Channel channel,
            @NotNull @Pattern(regexp = "de|en", message = "must be de or en") String locale,
            @Size(max = 200) String subject,
            @NotBlank @Size(max = 20_000) String body) {
    }

    public record TemplateView(UUID id, String key, Channel channel, String locale, String subject, String body, Instant createdAt) {
        static TemplateView of(MessageTemplate t) {
            return new TemplateView(t.id(), t.key(), t.channel(), t.locale(), t.subject(), t.body(), t.createdAt());
        }
    }

    private final MessageTemplateService templates;
    private final CurrentTenant currentTenant;

    public MessageTemplateResource(MessageTemplateService templates, CurrentTenant currentTenant) {
        this.templates = templates;
        this.currentTenant = currentTenant;
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> create(@Valid @NotNull CreateTemplateRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return templates.create(currentTenant.require(), request.key(), request.channel(), request.locale(), request.subject(),
                        request.body(), correlationId)
                .map(t -> Response.created(URI.create("/api/templates/" + t.id())).entity(TemplateView.of(t)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<TemplateView> get(@PathParam("id") UUID id) {
        return templates.get(currentTenant.require(), id).map(TemplateView::of);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<Page<TemplateView>> list(@QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        return templates.list(currentTenant.require(), PageRequest.of(first, after)).map(page -> page.map(TemplateView::of));
    }
}
