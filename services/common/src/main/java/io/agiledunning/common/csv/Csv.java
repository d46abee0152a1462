package io.agiledunning.common.csv;

import java.util.List;
import java.util.stream.Collectors;

/** Writing CSV as RFC 4180 has it: comma-separated, CRLF line ends, quotes around fields that need them. */
public final class Csv {

    private Csv() {
    }

    /** The field, quoted (with its quotes doubled) when it holds a comma, a quote or a line break. */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** One record with its CRLF. */
    public static String line(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }
}
