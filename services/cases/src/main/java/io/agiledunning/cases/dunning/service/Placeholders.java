package io.agiledunning.cases.dunning.service;

import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.StringJoiner;

/**
 * Numbered named parameters ({@code :c0, :c1, …}) for the engine's multi-row statements: one statement for a whole
 * chunk of cases, bound value by value, so no array type has to cross the Hibernate Reactive parameter binding.
 */
record Placeholders(String prefix, int size) {

    static Placeholders of(String prefix, int size) {
        return new Placeholders(prefix, size);
    }

    String at(int i) {
        return ":" + prefix + i;
    }

    /** {@code :c0, :c1, …} for an {@code in (…)} list. */
    String list() {
        StringJoiner joined = new StringJoiner(", ");
        for (int i = 0; i < size; i++) {
            joined.add(at(i));
        }
        return joined.toString();
    }

    <Q extends Mutiny.AbstractQuery> Q bind(Q query, List<?> values) {
        for (int i = 0; i < size; i++) {
            query.setParameter(prefix + i, values.get(i));
        }
        return query;
    }
}
