package io.agiledunning.cases.dunning.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The stored and exchanged form of a strategy (docs/dunning.md, "Strategy format"). */
public final class StrategyJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StrategyJson() {
    }

    /** @throws IllegalArgumentException naming what could not be read */
    public static Strategy read(String json) {
        try {
            return JSON.readValue(json, Strategy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid strategy: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Strategy strategy) {
        try {
            return JSON.writeValueAsString(strategy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strategy " + strategy.key() + " cannot be serialised", e);
        }
    }

    /** The built-in default: classic German practice (docs/dunning.md, "Default strategy"). */
    public static Strategy builtInDefault() {
        try (InputStream in = StrategyJson.class.getResourceAsStream("/dunning/default-strategy.json")) {
            if (in == null) {
                throw new IllegalStateException("dunning/default-strategy.json is missing from the classpath");
            }
            return JSON.readValue(in, Strategy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
