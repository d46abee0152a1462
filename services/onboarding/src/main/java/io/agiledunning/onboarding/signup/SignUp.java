package io.agiledunning.onboarding.signup;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sign-up whose every field was checked: trimmed, e-mail lower-cased, country upper-cased. Built only by
 * {@link #validate}, which reports every invalid field at once.
 */
public record SignUp(String legalName, String country, String street, String postalCode, String city, String vatId,
                     CreditorType creditorType, String adminFirstName, String adminLastName, String adminEmail,
                     String locale) {

    /** What a client sends; any field may be missing or wrong. */
    public record Request(String legalName, String country, String street, String postalCode, String city, String vatId,
                          String creditorType, String adminFirstName, String adminLastName, String adminEmail,
                          Boolean acceptedTerms, String locale) {
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** What the platform accepts as an e-mail address (lower-cased first). */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Z+*]{2,12}");
    private static final Pattern GERMAN_VAT_ID = Pattern.compile("DE[0-9]{9}");
    private static final Pattern GERMAN_POSTAL_CODE = Pattern.compile("[0-9]{5}");

    public static SignUp validate(Request request) {
        List<FieldError> errors = new ArrayList<>();
        String legalName = text(errors, "legalName", request.legalName(), 200);
        String country = upper(text(errors, "country", request.country(), 2));
        if (country != null && !COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "'%s' is not an ISO 3166 country code such as DE".formatted(request.country().trim())));
            country = null;
        }
        String street = text(errors, "street", request.street(), 200);
        String postalCode = text(errors, "postalCode", request.postalCode(), 12);
        if (postalCode != null && "DE".equals(country) && !GERMAN_POSTAL_CODE.matcher(postalCode).matches()) {
            errors.add(new FieldError("postalCode", "a German postal code has 5 digits"));
        }
        String city = text(errors, "city", request.city(), 100);
        String vatId = vatId(errors, request.vatId());
        CreditorType creditorType = creditorType(errors, request.creditorType());
        String firstName = text(errors, "adminFirstName", request.adminFirstName(), 100);
        String lastName = text(errors, "adminLastName", request.adminLastName(), 100);
        String email = email(errors, request.adminEmail());
        if (!Boolean.TRUE.equals(request.acceptedTerms())) {
            errors.add(new FieldError("acceptedTerms", "the terms must be accepted"));
        }
        String locale = request.locale() == null || request.locale().isBlank() ? "de" : request.locale().trim().toLowerCase(Locale.ROOT);
        if (!locale.equals("de") && !locale.equals("en")) {
            errors.add(new FieldError("locale", "must be de or en"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new SignUp(legalName, country, street, postalCode, city, vatId, creditorType, firstName, lastName, email, locale);
    }

    /** The same company whatever its spelling in case and spaces: one sign-up per legal name and country. */
    public String companyKey() {
        return legalName.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "|" + country;
    }

    /** The admin logs in with the e-mail address. */
    public String adminUsername() {
        return adminEmail;
    }

    private static String text(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        String trimmed = value.strip().replaceAll("\\s+", " ");
        if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most %d characters".formatted(maxLength)));
            return null;
        }
        return trimmed;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String vatId(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalized = value.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        boolean valid = normalized.startsWith("DE") ? GERMAN_VAT_ID.matcher(normalized).matches() : VAT_ID.matcher(normalized).matches();
        if (!valid) {
            errors.add(new FieldError("vatId", "'%s' is not a VAT id such as DE123456789".formatted(value.trim())));
            return null;
        }
        return normalized;
    }

    private static CreditorType creditorType(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("creditorType", "must be B2C or B2B"));
            return null;
        }
        try {
            return CreditorType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("creditorType", "must be B2C or B2B"));
            return null;
        }
    }

    private static String email(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("adminEmail", "must not be blank"));
            return null;
        }
        String email = value.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("adminEmail", "'%s' is not an e-mail address".formatted(value.trim())));
            return null;
        }
        return email;
    }
}
