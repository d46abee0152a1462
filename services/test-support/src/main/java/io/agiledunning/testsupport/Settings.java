package io.agiledunning.testsupport;

import java.util.Locale;

/**
 * Reads an overridable setting: the system property (e.g. {@code agiledunning.pg.port}) wins over
 * the matching environment variable ({@code AGILEDUNNING_PG_PORT}), which wins over the default.
 * CI steps and the local stack use the environment; Maven runs use system properties.
 */
public final class Settings {

    private Settings() {
    }

    public static String get(String key, String defaultValue) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public static int getInt(String key, int defaultValue) {
        return Integer.parseInt(get(key, Integer.toString(defaultValue)));
    }
}
