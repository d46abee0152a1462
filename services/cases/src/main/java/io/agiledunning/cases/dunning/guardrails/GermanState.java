package io.agiledunning.cases.dunning.guardrails;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The 16 Länder, by their ISO 3166-2:DE code; public holidays are state law. */
public enum GermanState {
    BW("Baden-Württemberg"), BY("Bayern"), BE("Berlin"), BB("Brandenburg"), HB("Bremen"), HH("Hamburg"),
    HE("Hessen"), MV("Mecklenburg-Vorpommern"), NI("Niedersachsen"), NW("Nordrhein-Westfalen"),
    RP("Rheinland-Pfalz"), SL("Saarland"), SN("Sachsen"), ST("Sachsen-Anhalt"), SH("Schleswig-Holstein"),
    TH("Thüringen");

    private final String germanName;

    GermanState(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }

    /** Reads "BY", "DE-BY", "Bayern", "Bavaria" alike; empty for anything else (only nationwide holidays apply). */
    public static Optional<GermanState> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = fold(text);
        if (t.startsWith("de-")) {
            t = t.substring(3);
        }
        String code = t;
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(code) || fold(s.germanName).equals(code) || code.equals(englishName(s)))
                .findFirst();
    }

    private static String englishName(GermanState state) {
        return switch (state) {
            case BY -> "bavaria";
            case HE -> "hesse";
            case MV -> "mecklenburg-western pomerania";
            case NI -> "lower saxony";
            case NW -> "north rhine-westphalia";
            case RP -> "rhineland-palatinate";
            case SN -> "saxony";
            case ST -> "saxony-anhalt";
            case TH -> "thuringia";
            default -> fold(state.germanName);
        };
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
