package io.agiledunning.cases.placement;

import io.agiledunning.common.errors.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The tenant's own attributes of a debtor — industry, product, customer tier, whatever its segments tell apart — as
 * key/value texts that segment rules match exactly. Kept as sorted {@code key=value} entries (keys never contain
 * {@code =}). {@code persona} is not among them: the platform assigns personas, and segment rules see the debtor's
 * persona under that key ({@link #forSegments}).
 */
public final class DebtorAttributes {

    public static final int MAX_ENTRIES = 20;
    public static final int MAX_VALUE_LENGTH = 200;
    public static final String PERSONA = "persona";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private DebtorAttributes() {
    }

    /** Keys and values stripped, blank values dropped, sorted by key; null stays null ("leave as they are"). */
    public static SortedMap<String, String> normalized(Map<String, String> attributes) {
        if (attributes == null) {
            return null;
        }
        SortedMap<String, String> result = new TreeMap<>();
        attributes.forEach((key, value) -> {
            if (key != null && value != null && !value.isBlank()) {
                result.put(key.strip(), value.strip());
            }
        });
        return Collections.unmodifiableSortedMap(result);
    }

    /** What is wrong with normalized attributes, each named {@code <path>.<key>}. */
    public static List<FieldError> problems(String path, Map<String, String> attributes) {
        List<FieldError> errors = new ArrayList<>();
        if (attributes == null) {
            return errors;
        }
        if (attributes.size() > MAX_ENTRIES) {
            errors.add(new FieldError(path, "at most %d attributes, got %d".formatted(MAX_ENTRIES, attributes.size())));
        }
        attributes.forEach((key, value) -> {
            Optional<String> keyProblem = keyProblem(key);
            if (keyProblem.isPresent()) {
                errors.add(new FieldError(path + "." + key, keyProblem.get()));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(path + "." + key, "must be at most %d characters".formatted(MAX_VALUE_LENGTH)));
            }
        });
        return errors;
    }

    /** Why {@code key} cannot name an attribute, if it cannot. */
    public static Optional<String> keyProblem(String key) {
        if (PERSONA.equals(key)) {
            return Optional.of("is assigned by the platform, not placed");
        }
        if (!KEY.matcher(key).matches()) {
            return Optional.of("a key must be lower-case letters, digits, '_' or '-' (at most 40), starting with a letter");
        }
        return Optional.empty();
    }

    public static String[] toEntries(Map<String, String> attributes) {
        return new TreeMap<>(attributes).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public static SortedMap<String, String> fromEntries(String[] entries) {
        SortedMap<String, String> result = new TreeMap<>();
        if (entries != null) {
            for (String entry : entries) {
                int at = entry.indexOf('=');
                result.put(entry.substring(0, at), entry.substring(at + 1));
            }
        }
        return Collections.unmodifiableSortedMap(result);
    }

    /** What segment rules see of a debtor: its attributes and, under {@value #PERSONA}, its persona if it has one. */
    public static Map<String, String> forSegments(Map<String, String> attributes, String persona) {
        if (persona == null) {
            return attributes;
        }
        SortedMap<String, String> result = new TreeMap<>(attributes);
        result.put(PERSONA, persona);
        return result;
    }
}
