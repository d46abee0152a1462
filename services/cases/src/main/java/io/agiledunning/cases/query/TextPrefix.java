package io.agiledunning.cases.query;

/** Prefix search as a range {@code [prefix, upperBound(prefix))}: plain comparisons, which PostgreSQL may index under row-level security. */
final class TextPrefix {

    private TextPrefix() {
    }

    /** The smallest text greater than every text starting with {@code prefix} (byte order, collation "C"). */
    static String upperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }
}
