package io.agiledunning.cases.placement;

import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a placement must meet, written once for the placement API and the bulk import: it normalizes the
 * placement ({@link DebtorData#normalized()}, {@link ClaimData#normalized()}) and names every wrong field by its
 * path in {@link PlaceClaim} ({@code debtor.name}, {@code claim.dueDate}, …).
 */
public final class PlacementValidation {

    public static final String CONTACT_REQUIRED = "needs at least one contact point (email, phone or postal address)";
    public static final int MAX_REFERENCE_LENGTH = 100;

    private PlacementValidation() {
    }

    /** The normalized placement and what is wrong with it (empty when it may be placed). */
    public record Result(PlaceClaim placement, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result check(PlaceClaim command) {
        List<FieldError> errors = new ArrayList<>();
        DebtorData debtor = command.debtor() == null ? null : command.debtor().normalized();
        ClaimData claim = command.claim() == null ? null : command.claim().normalized();
        if (debtor == null) {
            errors.add(new FieldError("debtor", "is required"));
        } else {
            checkDebtor(errors, debtor);
        }
        if (claim == null) {
            errors.add(new FieldError("claim", "is required"));
        } else {
            checkClaim(errors, claim);
        }
        return new Result(new PlaceClaim(debtor, claim), List.copyOf(errors));
    }

    private static void checkDebtor(List<FieldError> errors, DebtorData debtor) {
        required(errors, "debtor.externalReference", debtor.externalReference());
        required(errors, "debtor.kind", debtor.kind());
        required(errors, "debtor.name", debtor.name());
        if (debtor.externalReference() != null && debtor.externalReference().length() > MAX_REFERENCE_LENGTH) {
            errors.add(new FieldError("debtor.externalReference", "must be at most 100 characters"));
        }
        if (debtor.address().country() != null && !debtor.address().country().matches("[A-Z]{2}")) {
            errors.add(new FieldError("debtor.address.country", "must be an ISO 3166 alpha-2 code such as DE"));
        }
        if (debtor.emails().isEmpty() && debtor.phones().isEmpty() && !debtor.address().complete()) {
            errors.add(new FieldError("debtor", CONTACT_REQUIRED));
        }
        errors.addAll(DebtorAttributes.problems("debtor.attributes", debtor.attributes()));
    }

    /** What is wrong with a claim alone (normalized), named as in {@link PlaceClaim}: for updating a placed claim. */
    public static List<FieldError> checkClaim(ClaimData claim) {
        List<FieldError> errors = new ArrayList<>();
        checkClaim(errors, claim);
        return List.copyOf(errors);
    }

    private static void checkClaim(List<FieldError> errors, ClaimData claim) {
        required(errors, "claim.externalReference", claim.externalReference());
        required(errors, "claim.invoiceNumber", claim.invoiceNumber());
        required(errors, "claim.issueDate", claim.issueDate());
        required(errors, "claim.dueDate", claim.dueDate());
        required(errors, "claim.principal", claim.principal());
        if (claim.externalReference() != null && claim.externalReference().length() > MAX_REFERENCE_LENGTH) {
            errors.add(new FieldError("claim.externalReference", "must be at most 100 characters"));
        }
        if (claim.issueDate() != null && claim.dueDate() != null && claim.dueDate().isBefore(claim.issueDate())) {
            errors.add(new FieldError("claim.dueDate", "must not be before the issue date (%s)".formatted(claim.issueDate())));
        }
        if (claim.principal() != null) {
            if (claim.principal().isNegative() || claim.principal().isZero()) {
                errors.add(new FieldError("claim.principal", "must be positive"));
            }
            String currency = claim.principal().currency().getCurrencyCode();
            boolean feesOk = amount(errors, "claim.fees", claim.fees(), currency);
            boolean paidOk = amount(errors, "claim.paid", claim.paid(), currency);
            if (feesOk && paidOk && !claim.principal().isNegative() && claim.paid().compareTo(claim.principal().plus(claim.fees())) > 0) {
                errors.add(new FieldError("claim.paid", "must not exceed principal plus fees"));
            }
        }
    }

    private static void required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    /** @return whether the amount is usable (same currency, not negative) */
    private static boolean amount(List<FieldError> errors, String field, Money amount, String currency) {
        if (!amount.currency().getCurrencyCode().equals(currency)) {
            errors.add(new FieldError(field + ".currency", "must be the principal's currency " + currency));
            return false;
        }
        if (amount.isNegative()) {
            errors.add(new FieldError(field, "must not be negative"));
            return false;
        }
        return true;
    }
}
