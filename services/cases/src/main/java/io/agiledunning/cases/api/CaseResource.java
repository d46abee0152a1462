package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.query.CaseQuery;
import io.agiledunning.cases.service.CaseQueryService;
import io.agiledunning.cases.service.CaseService;
import io.agiledunning.cases.service.ClaimPlacementService;
import io.agiledunning.cases.service.StatementService;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/cases")
public class CaseResource {

    private final CaseService cases;
    private final ClaimPlacementService placements;
    private final StatementService statements;
    private final CaseQueryService queries;
    private final CurrentTenant currentTenant;
    private final ObjectMapper json;

    public CaseResource(CaseService cases, ClaimPlacementService placements, StatementService statements,
                        CaseQueryService queries, CurrentTenant currentTenant, ObjectMapper json) {
        this.queries = queries;
        this.cases = cases;
        this.placements = placements;
        this.statements = statements;
        this.currentTenant = currentTenant;
        this.json = json;
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<Response> open(@Valid @NotNull OpenCaseRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return cases.open(currentTenant.require(), request.externalReference(), request.debtorName(), request.amount(), correlationId)
                .map(c -> Response.created(URI.create("/api/cases/" + c.id())).entity(CaseView.of(c)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return cases.get(currentTenant.require(), id).map(CaseView::of);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<Page<CaseView>> list(@QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        return cases.list(currentTenant.require(), PageRequest.of(first, after)).map(page -> page.map(CaseView::of));
    }

    /** One item of a filtered, sorted case list: its cursor (to continue after it), the case and its next planned action. */
    public record CaseListItem(String cursor, @com.fasterxml.jackson.annotation.JsonProperty("case") CaseView listedCase,
                               java.time.Instant nextActionAt) {
    }

    /** Cases by filters and a sort (docs/cases.md, "Queries"), keyset-paginated; {@code status} may repeat or list several. */
    @GET
    @Path("/search")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<Page<CaseListItem>> search(@QueryParam("status") List<String> status, @QueryParam("currency") String currency,
                                          @QueryParam("minAmount") java.math.BigDecimal minAmount,
                                          @QueryParam("maxAmount") java.math.BigDecimal maxAmount,
                                          @QueryParam("minDaysPastDue") Integer minDaysPastDue,
                                          @QueryParam("maxDaysPastDue") Integer maxDaysPastDue,
                                          @QueryParam("segment") String segment, @QueryParam("persona") String persona,
                                          @QueryParam("q") String text, @QueryParam("sort") String sort,
                                          @QueryParam("direction") String direction,
                                          @QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        return Uni.createFrom().item(() -> CaseQuery.parse(status, currency, minAmount, maxAmount, minDaysPastDue, maxDaysPastDue,
                        segment, persona, text, sort, direction))
                .chain(query -> queries.cases(currentTenant.require(), query, first, after))
                .map(page -> page.map(f -> new CaseListItem(f.cursor(), CaseView.of(f.found()), f.nextActionAt())));
    }

    /** Asks the case to take a lifecycle command; answers the case as it is afterwards. */
    @POST
    @Path("/{id}/commands")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<CaseView> command(@PathParam("id") UUID id, @NotNull CaseCommandRequest request,
                                 @HeaderParam("X-Correlation-Id") String correlationId) {
        return Uni.createFrom().item(request::toCommand)
                .chain(command -> cases.change(currentTenant.require(), id, command, correlationId))
                .map(CaseView::of);
    }

    /** The case's timeline, oldest first. */
    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<List<TimelineEntryView>> timeline(@PathParam("id") UUID id) {
        return cases.timeline(currentTenant.require(), id)
                .map(entries -> entries.stream().map(e -> TimelineEntryView.of(e, json)).toList());
    }

    /** The case's claims, oldest first (none for a case opened without claims). */
    @GET
    @Path("/{id}/claims")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<List<ClaimView>> claims(@PathParam("id") UUID id) {
        return placements.claimsOfCase(currentTenant.require(), id)
                .map(claims -> claims.stream().map(ClaimView::of).toList());
    }

    /**
     * The legal statement of the case's claims as of {@code asOf} (required, ISO date, not after the tenant's today):
     * default, interest periods, fees, balance and limitation per claim, and the case totals.
     */
    @GET
    @Path("/{id}/statement")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<CaseStatementView> statement(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return Uni.createFrom().item(() -> parseAsOf(asOf))
                .chain(day -> statements.statement(currentTenant.require(), id, day))
                .map(CaseStatementView::of);
    }

    private static LocalDate parseAsOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            throw ApiException.invalid("asOf", "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be a date YYYY-MM-DD, got '%s'".formatted(asOf));
        }
    }
}
