package io.agiledunning.cases.imports;

import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.placement.ClaimData;
import io.agiledunning.cases.placement.DebtorAttributes;
import io.agiledunning.cases.placement.DebtorData;
import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.cases.placement.PostalAddress;
import io.agiledunning.common.money.Money;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CSV with a header row naming {@link ImportColumn}s in English or German, separated by {@code ;} or
 * {@code ,}. Values: dates as {@code 2026-03-31} or {@code 31.03.2026}; amounts as {@code 1234.56} or, with a
 * decimal comma, {@code 1.234,56}; several emails or phones separated by {@code |}; flags as true/false,
 * ja/nein, yes/no, 1/0. Errors name the column as the file's header spells it.
 *
 * <p>Debtor attributes come in columns of their own, one per key: {@code attribute.<key>} or {@code merkmal.<key>}
 * ({@code attribute.industry}, {@code Merkmal.tarif}). A file with such columns sets each row's attributes to its
 * non-empty cells among them — they replace the debtor's kept ones, as a placement's {@code attributes} do; a file
 * without them leaves the debtors' attributes as they are.
 */
final class CsvImportReader implements ImportReader {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DOT_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})*(,\\d+)?|[+-]?\\d+(,\\d+)?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\|");

    private final ByteRecords records;
    private final Map<ImportColumn, Integer> positions;
    private final Map<ImportColumn, String> headers;
    private final AttributeColumns attributes;
    private final int width;

    private CsvImportReader(ByteRecords records, Map<ImportColumn, Integer> positions, Map<ImportColumn, String> headers,
                            AttributeColumns attributes, int width) {
        this.records = records;
        this.positions = positions;
        this.headers = headers;
        this.attributes = attributes;
        this.width = width;
    }

    static CsvImportReader open(InputStream in) throws IOException {
        ByteRecords records = ByteRecords.csv(in);
        ByteRecords.Fields header = records.next();
        if (header == null) {
            throw new FileRejected("the file is empty: expected a header row");
        }
        if (header.encodingError() != null) {
            throw new FileRejected("the header row " + header.encodingError());
        }
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
        AttributeColumns attributes = new AttributeColumns();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.values().size(); i++) {
            String name = header.values().get(i).strip();
            if (attributes.accepts(name, i)) {
                continue;
            }
            var column = ImportColumn.ofHeader(name);
            if (column.isEmpty()) {
                unknown.add("'" + name + "'");
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                throw new FileRejected("the header names the column %s twice ('%s' and '%s')"
                        .formatted(column.get().english(), headers.get(column.get()), name));
            } else {
                headers.put(column.get(), name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FileRejected("unknown column(s) %s in the header (separator '%s'); the columns are listed in docs/import.md"
                    .formatted(String.join(", ", unknown), records.separator()));
        }
        String missing = Arrays.stream(ImportColumn.values()).filter(c -> c.required() && !positions.containsKey(c))
                .map(c -> c.english() + " / " + c.german()).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new FileRejected("the header lacks the required column(s) " + missing);
        }
        attributes.checkCount();
        return new CsvImportReader(records, positions, headers, attributes, header.values().size());
    }

    @Override
    public ParsedRow next() throws IOException {
        ByteRecords.Fields record;
        do {
            record = records.next();
        } while (record != null && record.encodingError() == null && record.values().size() == 1 && record.values().getFirst().isBlank());
        if (record == null) {
            return null;
        }
        long row = record.number();
        if (record.encodingError() != null) {
            return ParsedRow.rejected(row, List.of(new RowError(row, "row", record.encodingError())));
        }
        if (record.values().size() != width) {
            return ParsedRow.rejected(row, List.of(new RowError(row, "row",
                    "has %d fields, the header %d (separator '%s')".formatted(record.values().size(), width, records.separator()))));
        }
        Values values = new Values(row, record.values());
        PlaceClaim placement = values.placement();
        if (!values.errors.isEmpty()) {
            return ParsedRow.rejected(row, values.errors);
        }
        return ImportReader.validated(row, placement, this::columnName);
    }

    @Override
    public long bytesRead() {
        return records.bytesRead();
    }

    @Override
    public String fieldName(ImportColumn column) {
        return headers.getOrDefault(column, column.english());
    }

    /** The file's own spelling of the column a validation path belongs to, or the path itself. */
    private String columnName(String path) {
        return attributes.columnName(path).or(() -> ImportColumn.ofPath(path).map(headers::get)).orElse(path);
    }

    /** The header's attribute columns: key, position and the header's spelling, checked as the header is read. */
    private static final class AttributeColumns {

        private static final Pattern HEADER = Pattern.compile("(?i)(attribute|merkmal)\\.(.*)");
        private static final String PATH = "debtor.attributes.";

        private final Map<String, Integer> positions = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();

        /** Takes {@code name} if it names an attribute column; @throws FileRejected for a key placements refuse */
        boolean accepts(String name, int position) {
            Matcher matcher = HEADER.matcher(name);
            if (!matcher.matches()) {
                return false;
            }
            String key = matcher.group(2).strip();
            DebtorAttributes.keyProblem(key).ifPresent(problem -> {
                throw new FileRejected("the column '%s' cannot hold the debtor attribute '%s': %s".formatted(name, key, problem));
            });
            if (positions.putIfAbsent(key, position) != null) {
                throw new FileRejected("the header names the debtor attribute '%s' twice ('%s' and '%s')"
                        .formatted(key, headers.get(key), name));
            }
            headers.put(key, name);
            return true;
        }

        void checkCount() {
            if (positions.size() > DebtorAttributes.MAX_ENTRIES) {
                throw new FileRejected("the header names %d debtor attributes, at most %d are kept per debtor"
                        .formatted(positions.size(), DebtorAttributes.MAX_ENTRIES));
            }
        }

        /** The row's attributes: null (keep the debtor's) when the file has no attribute column. */
        Map<String, String> of(List<String> fields) {
            if (positions.isEmpty()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            positions.forEach((key, at) -> values.put(key, fields.get(at)));
            return values;
        }

        Optional<String> columnName(String path) {
            return path.startsWith(PATH) ? Optional.ofNullable(headers.get(path.substring(PATH.length()))) : Optional.empty();
        }
    }

    /** The values of one record, converted; what cannot be converted is collected in {@link #errors}. */
    private final class Values {

        private final long row;
        private final List<String> fields;
        private final List<RowError> errors = new ArrayList<>();

        Values(long row, List<String> fields) {
            this.row = row;
            this.fields = fields;
        }

        PlaceClaim placement() {
            DebtorData debtor = new DebtorData(text(ImportColumn.DEBTOR_REFERENCE), kind(), text(ImportColumn.DEBTOR_NAME),
                    list(ImportColumn.EMAIL), list(ImportColumn.PHONE),
                    new PostalAddress(text(ImportColumn.STREET), text(ImportColumn.POSTAL_CODE), text(ImportColumn.CITY),
                            text(ImportColumn.COUNTRY)),
                    text(ImportColumn.LANGUAGE), text(ImportColumn.TIME_ZONE), text(ImportColumn.GERMAN_STATE),
                    flag(ImportColumn.DECEASED), flag(ImportColumn.INSOLVENCY), flag(ImportColumn.VULNERABLE),
                    attributes.of(fields));
            Currency currency = currency();
            ClaimData claim = new ClaimData(text(ImportColumn.CLAIM_REFERENCE), text(ImportColumn.INVOICE_NUMBER),
                    date(ImportColumn.ISSUE_DATE), date(ImportColumn.DUE_DATE), money(ImportColumn.PRINCIPAL, currency),
                    flag(ImportColumn.CONSUMER_NOTICE), money(ImportColumn.FEES, currency), money(ImportColumn.PAID, currency));
            return new PlaceClaim(debtor, claim);
        }

        private String text(ImportColumn column) {
            Integer at = positions.get(column);
            if (at == null) {
                return null;
            }
            String value = fields.get(at).strip();
            return value.isEmpty() ? null : value;
        }

        private void reject(ImportColumn column, String reason) {
            errors.add(new RowError(row, headers.get(column), reason));
        }

        private List<String> list(ImportColumn column) {
            String value = text(column);
            return value == null ? List.of() : Arrays.asList(LIST_SEPARATOR.split(value));
        }

        private DebtorKind kind() {
            String value = text(ImportColumn.DEBTOR_KIND);
            if (value == null) {
                return null;
            }
            return switch (value.toUpperCase(Locale.ROOT)) {
                case "CONSUMER", "VERBRAUCHER" -> DebtorKind.CONSUMER;
                case "BUSINESS", "UNTERNEHMEN" -> DebtorKind.BUSINESS;
                default -> {
                    reject(ImportColumn.DEBTOR_KIND, "'%s' is not a debtor kind (CONSUMER/VERBRAUCHER or BUSINESS/UNTERNEHMEN)".formatted(value));
                    yield null;
                }
            };
        }

        private Boolean flag(ImportColumn column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "ja", "1", "x" -> true;
                case "false", "no", "nein", "0" -> false;
                default -> {
                    reject(column, "'%s' is not a yes/no value (true/false, ja/nein, yes/no, 1/0)".formatted(value));
                    yield null;
                }
            };
        }

        private LocalDate date(ImportColumn column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value, value.contains(".") ? GERMAN_DATE : ISO_DATE);
            } catch (DateTimeParseException e) {
                reject(column, "'%s' is not a date (expected YYYY-MM-DD or DD.MM.YYYY)".formatted(value));
                return null;
            }
        }

        private Currency currency() {
            String value = text(ImportColumn.CURRENCY);
            if (value == null) {
                return null;
            }
            try {
                return Money.currency(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reject(ImportColumn.CURRENCY, e.getMessage());
                return null;
            }
        }

        /** Null when absent; an unreadable amount is rejected here, a negative one by the placement rules. */
        private Money money(ImportColumn column, Currency currency) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            BigDecimal amount = amount(value);
            if (amount == null) {
                reject(column, "'%s' is not an amount (expected e.g. 1234.56 or 1.234,56)".formatted(value));
                return null;
            }
            if (currency == null) {
                if (text(ImportColumn.CURRENCY) == null && column == ImportColumn.PRINCIPAL) {
                    reject(ImportColumn.CURRENCY, "is required");
                }
                return null;
            }
            try {
                return new Money(amount, currency);
            } catch (IllegalArgumentException e) {
                reject(column, e.getMessage());
                return null;
            }
        }
    }

    /** {@code 1234.56}, or with a decimal comma {@code 1.234,56} / {@code 1234,56}; null when neither. */
    static BigDecimal amount(String value) {
        String v = value.replace(" ", "");
        if (v.indexOf(',') >= 0) {
            return COMMA_DECIMAL.matcher(v).matches() ? new BigDecimal(v.replace(".", "").replace(',', '.')) : null;
        }
        return DOT_DECIMAL.matcher(v).matches() ? new BigDecimal(v) : null;
    }
}
