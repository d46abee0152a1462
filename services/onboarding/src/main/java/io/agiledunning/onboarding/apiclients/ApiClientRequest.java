package io.agiledunning.onboarding.apiclients;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.onboarding.users.TenantRole;

import java.util.ArrayList;
import java.util.List;

/** What a tenant admin sends to create an API client: a name for people (≤ 100 characters) and one tenant role. */
public record ApiClientRequest(String name, String role) {

    static final int MAX_NAME = 100;

    /** A checked request: the name trimmed, the role parsed. */
    public record Valid(String name, TenantRole role) {
    }

    public Valid validate() {
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (trimmed.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        TenantRole parsed = null;
        try {
            parsed = TenantRole.parse("role", role);
        } catch (ApiException e) {
            errors.addAll(e.fields());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Valid(trimmed, parsed);
    }
}
