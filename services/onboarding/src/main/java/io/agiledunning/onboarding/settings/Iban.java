package io.agiledunning.onboarding.settings;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IBAN check (ISO 13616): the country's length and the mod-97 check digits. Only countries of the SEPA area and
 * a few neighbours are known; an IBAN of another country is refused rather than waved through.
 */
public final class Iban {

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("BA", 20),
            Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23), Map.entry("GL", 18),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MT", 31),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
            Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("XK", 20));
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    /** Spaces removed, upper case: the form stored and shown. */
    public static String normalize(String text) {
        return text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** @return why the (normalized) IBAN is wrong, or empty when it is a valid IBAN */
    public static Optional<String> problem(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return Optional.of("must be two letters, two check digits and the account (letters and digits only)");
        }
        Integer length = LENGTHS.get(iban.substring(0, 2));
        if (length == null) {
            return Optional.of("country %s is not supported for IBANs".formatted(iban.substring(0, 2)));
        }
        if (iban.length() != length) {
            return Optional.of("a %s IBAN has %d characters, this one %d".formatted(iban.substring(0, 2), length, iban.length()));
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        if (!new BigInteger(digits.toString()).mod(NINETY_SEVEN).equals(BigInteger.ONE)) {
            return Optional.of("check digits do not match (mistyped?)");
        }
        return Optional.empty();
    }
}
