package io.agiledunning.onboarding.api;

import io.agiledunning.onboarding.abuse.ClientAddress;
import io.agiledunning.onboarding.abuse.RateLimit;
import io.agiledunning.onboarding.abuse.RateLimitConfig;
import io.agiledunning.onboarding.abuse.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.onboarding.signup.SignUp;
import io.agiledunning.onboarding.signup.SignUpSaga;
import io.agiledunning.onboarding.signup.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

/** Public: a company signs itself up, and its admin follows the mailed link. No token exists yet. */
@Path("/api/sign-ups")
@PermitAll
public class SignUpResource {

    /** What the caller may see of a sign-up: no saga internals, no other company's data. */
    public record SignUpView(UUID tenantId, String slug, String status, String adminEmail) {
        static SignUpView of(Tenant tenant) {
            return new SignUpView(tenant.organizationId().orElse(null), tenant.slug(), tenant.status().name(), tenant.adminEmail());
        }
    }

    public record VerifyRequest(String token, String password) {
    }

    private final SignUpSaga saga;
    private final RateLimiter limiter;
    private final RateLimitConfig limits;

    public SignUpResource(SignUpSaga saga, RateLimiter limiter, RateLimitConfig limits) {
        this.saga = saga;
        this.limiter = limiter;
        this.limits = limits;
    }

    @POST
    @ResponseStatus(201)
    public Uni<SignUpView> signUp(SignUp.Request request, @HeaderParam("X-Correlation-Id") String correlationId,
                                  @HeaderParam(ClientAddress.HEADER) String forwardedFor, @Context HttpServerRequest http) {
        if (request == null) {
            throw ApiException.invalid("body", "must not be empty");
        }
        return limiter.spend(RateLimit.signUp(limits, ClientAddress.of(forwardedFor, http), request.adminEmail()))
                .chain(() -> saga.signUp(SignUp.validate(request), correlationId))
                .map(SignUpView::of);
    }

    public record ResendRequest(String email) {
    }

    /** Always 202 (whether or not such a sign-up waits), rate limited like sign-ups. */
    @POST
    @Path("/verification-mail")
    @ResponseStatus(202)
    public Uni<Void> resendVerification(ResendRequest request, @HeaderParam(ClientAddress.HEADER) String forwardedFor,
                                        @Context HttpServerRequest http) {
        if (request == null || request.email() == null || request.email().isBlank()) {
            throw ApiException.invalid("email", "must not be blank");
        }
        return limiter.spend(RateLimit.verificationMail(limits, ClientAddress.of(forwardedFor, http), request.email()))
                .chain(() -> saga.resendVerification(request.email()));
    }

    @POST
    @Path("/verification")
    public Uni<SignUpView> verify(VerifyRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        if (request == null) {
            throw ApiException.invalid("body", "must not be empty");
        }
        return saga.verify(request.token(), request.password(), correlationId).map(SignUpView::of);
    }
}
