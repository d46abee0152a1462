package io.agiledunning.onboarding.signup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tenant slugs: lowercase ASCII letters, digits and single hyphens, 3 to 30 characters, derived from the
 * legal name (umlauts transliterated, legal forms such as GmbH dropped). The slug is the organization
 * alias and appears in URLs and logs, so nothing else may get in.
 */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,28}[a-z0-9])");
    private static final int MAX_LENGTH = 30;
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ohg", "gbr", "ug", "eg", "ev", "mbh", "co", "se",
            "ltd", "llc", "inc", "plc", "sarl", "sas", "bv", "nv", "haftungsbeschrankt");
    private static final Set<String> RESERVED = Set.of("admin", "api", "www", "platform", "system", "keycloak", "signup", "master");

    private Slugs() {
    }

    /** The preferred slug for a legal name; never reserved, never shorter than 3 characters. */
    public static String base(String legalName) {
        String ascii = Normalizer.normalize(legalName.toLowerCase(Locale.ROOT)
                        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss").replace("&", " und "),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder slug = new StringBuilder();
        for (String word : ascii.split("[^a-z0-9]+")) {
            if (word.isEmpty() || LEGAL_FORMS.contains(word)) {
                continue;
            }
            if (!slug.isEmpty()) {
                slug.append('-');
            }
            slug.append(word);
        }
        String trimmed = slug.length() > MAX_LENGTH - 4 ? slug.substring(0, MAX_LENGTH - 4).replaceAll("-+$", "") : slug.toString();
        if (trimmed.length() < 3 || RESERVED.contains(trimmed)) {
            trimmed = ("tenant-" + trimmed).replaceAll("-+$", "");
        }
        return trimmed;
    }

    /** The {@code n}-th alternative when the base is taken: {@code acme-2}, {@code acme-3}, … */
    public static String candidate(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }
}
