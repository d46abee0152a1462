package io.agiledunning.cases.query;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Filters and order of a case list; every filter optional, all given ones must hold. Amounts are in one currency
 * ({@code currency}, required with an amount), days past due count from the oldest due date of the claims that
 * count, {@code text} is a prefix of a search term ({@link SearchText}): a word of the debtor's name, the debtor's
 * or a claim's reference, a claim's invoice number, or the reference of a case opened without a debtor.
 */
public record CaseQuery(Set<CaseStatus> statuses, String currency, BigDecimal minAmount, BigDecimal maxAmount,
                        Integer minDaysPastDue, Integer maxDaysPastDue, String segment, String persona, SearchText text,
                        CaseSort sort, boolean descending) {

    /**
     * Parses the REST query parameters, naming every wrong one at once.
     *
     * @throws ApiException VALIDATION
     */
    public static CaseQuery parse(List<String> statuses, String currency, BigDecimal minAmount, BigDecimal maxAmount,
                                  Integer minDaysPastDue, Integer maxDaysPastDue, String segment, String persona, String text,
                                  String sort, String direction) {
        List<FieldError> errors = new ArrayList<>();
        Set<CaseStatus> parsedStatuses = EnumSet.noneOf(CaseStatus.class);
        for (String status : statuses == null ? List.<String>of() : statuses) {
            for (String one : status.split(",")) {
                if (!one.isBlank()) {
                    parse(errors, "status", one, CaseStatus.class).ifPresent(parsedStatuses::add);
                }
            }
        }
        String code = blankToNull(currency);
        if (code != null) {
            try {
                code = Money.currency(code).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("currency", e.getMessage()));
            }
        }
        if ((minAmount != null || maxAmount != null) && code == null) {
            errors.add(new FieldError("currency", "is required with minAmount or maxAmount"));
        }
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            errors.add(new FieldError("maxAmount", "must not be below minAmount"));
        }
        notNegative(errors, "minDaysPastDue", minDaysPastDue);
        notNegative(errors, "maxDaysPastDue", maxDaysPastDue);
        if (minDaysPastDue != null && maxDaysPastDue != null && minDaysPastDue > maxDaysPastDue) {
            errors.add(new FieldError("maxDaysPastDue", "must not be below minDaysPastDue"));
        }
        SearchText search = SearchText.parse(text, errors);
        CaseSort parsedSort = blankToNull(sort) == null ? CaseSort.PLACED_AT : parse(errors, "sort", sort, CaseSort.class).orElse(null);
        boolean descending = false;
        if (blankToNull(direction) != null) {
            switch (direction.strip().toUpperCase(Locale.ROOT)) {
                case "ASC" -> descending = false;
                case "DESC" -> descending = true;
                default -> errors.add(new FieldError("direction", "must be ASC or DESC"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new CaseQuery(Set.copyOf(parsedStatuses), code, minAmount, maxAmount, minDaysPastDue, maxDaysPastDue,
                blankToNull(segment), blankToNull(persona), search,
                parsedSort, descending);
    }

    private static <E extends Enum<E>> java.util.Optional<E> parse(List<FieldError> errors, String field, String value,
                                                                    Class<E> type) {
        try {
            return java.util.Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'%s' is not one of %s".formatted(value.strip(), Arrays.toString(type.getEnumConstants()))));
            return java.util.Optional.empty();
        }
    }

    private static void notNegative(List<FieldError> errors, String field, Integer value) {
        if (value != null && value < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
