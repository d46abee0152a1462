package io.agiledunning.api.onboarding;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/**
 * The public sign-up pages at the addresses the product hands out: {@code /signup} (the form) and
 * {@code /signup/verify?token=…} (the link in the verification mail). The pages are static files under
 * {@code META-INF/resources/signup/}; their script talks to the public GraphQL operations {@code signUp} and
 * {@code verifySignUp}, and picks German or English from {@code ?lang=} or the browser.
 */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
public class SignUpPages {

    @GET
    public InputStream form() {
        return page("index.html");
    }

    @GET
    @Path("/verify")
    public InputStream verify() {
        return page("verify.html");
    }

    private static InputStream page(String name) {
        InputStream page = SignUpPages.class.getResourceAsStream("/META-INF/resources/signup/" + name);
        if (page == null) {
            throw new NotFoundException("page " + name + " is not packaged");
        }
        return page;
    }
}
