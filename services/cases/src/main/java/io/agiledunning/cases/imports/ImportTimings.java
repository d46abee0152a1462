package io.agiledunning.cases.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where an import's time goes: wall time per step (reading and staging a chunk, each merge statement),
 * summed over the job's chunks. Logged when a job ends; the benchmark prints it (docs/benchmarks.md).
 */
final class ImportTimings {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private int chunks;

    interface Step<T, E extends Exception> {
        T run() throws E;
    }

    interface Action<E extends Exception> {
        void run() throws E;
    }

    <T, E extends Exception> T time(String step, Step<T, E> work) throws E {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            add(step, System.nanoTime() - start);
        }
    }

    <E extends Exception> void run(String step, Action<E> work) throws E {
        time(step, () -> {
            work.run();
            return null;
        });
    }

    void add(String step, long elapsedNanos) {
        nanos.merge(step, elapsedNanos, Long::sum);
    }

    void chunkDone() {
        chunks++;
    }

    /** Seconds per step, in the order the steps first ran. */
    Map<String, Double> seconds() {
        return nanos.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / 1e9,
                (a, b) -> a, LinkedHashMap::new));
    }

    int chunks() {
        return chunks;
    }

    @Override
    public String toString() {
        return seconds().entrySet().stream().map(e -> "%s %.2f s".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", chunks + " chunks: ", ""));
    }
}
