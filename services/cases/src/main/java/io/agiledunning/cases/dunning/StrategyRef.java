package io.agiledunning.cases.dunning;

import java.util.UUID;

/** Which strategy version a case runs. {@code id} null: the built-in default. */
public record StrategyRef(UUID id, String key, int version) {

    public static final int BUILT_IN_VERSION = 1;

    public boolean builtIn() {
        return id == null;
    }
}
