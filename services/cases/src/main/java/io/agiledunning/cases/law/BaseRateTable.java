package io.agiledunning.cases.law;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The base rate (Basiszinssatz, § 247 BGB) by half-year. Immutable and gap-free: each entry starts exactly six months
 * after the previous one, on 1 January or 1 July, and the last entry is valid for six months only, so that a missing
 * publication is refused instead of silently carrying an old rate forward.
 */
public final class BaseRateTable {

    /** The versioned data file shipped with the service. */
    public static final String RESOURCE = "/law/base-rates.csv";

    public record Entry(LocalDate from, BigDecimal percent) {
        public Entry {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(percent, "percent");
            if (from.getDayOfMonth() != 1 || (from.getMonthValue() != 1 && from.getMonthValue() != 7)) {
                throw new IllegalArgumentException("base rates change on 1 January or 1 July, got " + from);
            }
        }

        /** The last day this rate applies to. */
        public LocalDate until() {
            return from.plusMonths(6).minusDays(1);
        }
    }

    /** Thrown for a day the table does not cover yet; names the half-year whose rate must be added. */
    public static final class MissingBaseRateException extends IllegalStateException {
        public MissingBaseRateException(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;

    private BaseRateTable(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a base-rate table needs at least one entry");
        }
        for (int i = 1; i < entries.size(); i++) {
            LocalDate expected = entries.get(i - 1).from().plusMonths(6);
            if (!entries.get(i).from().equals(expected)) {
                throw new IllegalArgumentException("base rate after %s must start on %s, got %s"
                        .formatted(entries.get(i - 1).from(), expected, entries.get(i).from()));
            }
        }
        this.entries = List.copyOf(entries);
    }

    public static BaseRateTable of(List<Entry> entries) {
        return new BaseRateTable(entries);
    }

    /** The table shipped in {@value #RESOURCE}. */
    public static BaseRateTable bundled() {
        try (InputStream in = BaseRateTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines {@code yyyy-mm-dd;percent}; blank lines, {@code #} comments and a {@code from;percent} header are skipped. */
    public static BaseRateTable parse(Reader csv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(csv);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.equalsIgnoreCase("from;percent")) {
                continue;
            }
            String[] parts = text.split(";");
            if (parts.length != 2) {
                throw new IllegalArgumentException("line %d: expected 'from;percent', got '%s'".formatted(number, line));
            }
            try {
                entries.add(new Entry(LocalDate.parse(parts[0].strip()), new BigDecimal(parts[1].strip())));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("line %d: cannot read '%s'".formatted(number, line), e);
            }
        }
        return new BaseRateTable(entries);
    }

    /**
     * A table with the next half-year's rate added. Refuses anything but the half-year directly after the last one,
     * so the table can neither be rewritten backwards nor get a gap.
     */
    public BaseRateTable with(LocalDate from, BigDecimal percent) {
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(from, percent));
        return new BaseRateTable(next);
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public LocalDate firstCoveredDay() {
        return entries.getFirst().from();
    }

    public LocalDate lastCoveredDay() {
        return entries.getLast().until();
    }

    public Entry entryOn(LocalDate day) {
        if (day.isBefore(firstCoveredDay())) {
            throw new MissingBaseRateException("no base rate before " + firstCoveredDay() + " (asked for " + day + ")");
        }
        if (day.isAfter(lastCoveredDay())) {
            throw new MissingBaseRateException("base rate from %s not in the table yet (asked for %s); add it when published"
                    .formatted(lastCoveredDay().plusDays(1), day));
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!entries.get(i).from().isAfter(day)) {
                return entries.get(i);
            }
        }
        throw new AssertionError("unreachable");
    }

    public BigDecimal percentOn(LocalDate day) {
        return entryOn(day).percent();
    }

    /** Days in (after, upTo] on which a new half-year starts. */
    List<LocalDate> changesBetween(LocalDate after, LocalDate upTo) {
        return entries.stream().map(Entry::from).filter(d -> d.isAfter(after) && !d.isAfter(upTo)).toList();
    }
}
