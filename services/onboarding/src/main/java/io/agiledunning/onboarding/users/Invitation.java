package io.agiledunning.onboarding.users;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.onboarding.signup.SignUp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A checked invitation: e-mail lower-cased, names trimmed, one tenant role, mail language de or en. */
public record Invitation(String email, String firstName, String lastName, TenantRole role, String locale) {

    /** What a tenant admin sends. */
    public record Request(String email, String firstName, String lastName, String role, String locale) {
    }

    public static Invitation validate(Request request) {
        List<FieldError> errors = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().strip().toLowerCase(Locale.ROOT);
        if (!SignUp.EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "'%s' is not an e-mail address".formatted(request.email() == null ? "" : request.email().strip())));
        }
        String firstName = name(errors, "firstName", request.firstName());
        String lastName = name(errors, "lastName", request.lastName());
        TenantRole role = null;
        try {
            role = TenantRole.parse("role", request.role());
        } catch (ApiException e) {
            errors.addAll(e.fields());
        }
        String locale = request.locale() == null || request.locale().isBlank() ? "de" : request.locale().strip().toLowerCase(Locale.ROOT);
        if (!locale.equals("de") && !locale.equals("en")) {
            errors.add(new FieldError("locale", "must be de or en"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Invitation(email, firstName, lastName, role, locale);
    }

    private static String name(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        if (value.strip().length() > 100) {
            errors.add(new FieldError(field, "must be at most 100 characters"));
            return null;
        }
        return value.strip();
    }
}
