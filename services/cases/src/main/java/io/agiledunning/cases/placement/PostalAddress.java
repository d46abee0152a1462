package io.agiledunning.cases.placement;

/** A debtor's postal address; a contact point only when street, postal code, city and country are all given. */
public record PostalAddress(String street, String postalCode, String city, String country) {

    public boolean complete() {
        return present(street) && present(postalCode) && present(city) && present(country);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
