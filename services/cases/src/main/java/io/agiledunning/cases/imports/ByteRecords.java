package io.agiledunning.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into records and fields (CSV with {@code "} quoting, or whole lines) without decoding
 * it first, so that one row with bytes that are not UTF-8 is rejected alone instead of failing (or silently
 * garbling) the whole file. Safe on UTF-8 because no byte of a multi-byte sequence is an ASCII separator.
 * Memory stays constant: a read buffer plus one record, which may not exceed {@link #MAX_RECORD_BYTES}.
 */
final class ByteRecords {

    static final int MAX_RECORD_BYTES = 1 << 20;
    private static final byte QUOTE = '"';
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One record: its fields decoded, or the reason it could not be decoded. */
    record Fields(long number, List<String> values, String encodingError) {
    }

    private final InputStream in;
    private final byte separator;
    private final boolean quoting;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long bytesRead;
    private long recordNumber;
    private byte[] field = new byte[256];
    private int fieldLength;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private ByteRecords(InputStream in, byte separator, boolean quoting) {
        this.in = in;
        this.separator = separator;
        this.quoting = quoting;
    }

    /** CSV records; the separator ({@code ;} or {@code ,}) is taken from the header line, a BOM skipped. */
    static ByteRecords csv(InputStream in) throws IOException {
        ByteRecords records = new ByteRecords(in, (byte) 0, true);
        records.skipBom();
        return new ByteRecords(records, records.separatorOfFirstLine());
    }

    /** Whole lines (JSON Lines), a BOM skipped. */
    static ByteRecords lines(InputStream in) throws IOException {
        ByteRecords records = new ByteRecords(in, (byte) '\n', false);
        records.skipBom();
        return records;
    }

    /** Continues {@code head} (its buffer already filled) with the separator now known. */
    private ByteRecords(ByteRecords head, byte separator) {
        this(head.in, separator, true);
        System.arraycopy(head.buffer, 0, buffer, 0, head.limit);
        position = head.position;
        limit = head.limit;
        bytesRead = head.bytesRead;
    }

    long bytesRead() {
        return bytesRead;
    }

    char separator() {
        return (char) separator;
    }

    /** @return the next record, or null at the end of the stream; blank lines are records with one empty field */
    Fields next() throws IOException {
        if (!fill()) {
            return null;
        }
        recordNumber++;
        List<byte[]> raw = new ArrayList<>();
        int recordBytes = 0;
        boolean inQuotes = false;
        fieldLength = 0;
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            byte b = buffer[position++];
            if (++recordBytes > MAX_RECORD_BYTES) {
                throw new FileRejected("row %d is longer than %d bytes (a quote that is never closed?)"
                        .formatted(recordNumber, MAX_RECORD_BYTES));
            }
            if (quoting && b == QUOTE) {
                if (inQuotes && peek() == QUOTE) {
                    position++;
                    append(b);
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (!inQuotes && b == '\n') {
                break;
            } else if (!inQuotes && quoting && b == separator) {
                raw.add(Arrays.copyOf(field, fieldLength));
                fieldLength = 0;
            } else {
                append(b);
            }
        }
        if (fieldLength > 0 && field[fieldLength - 1] == '\r') {
            fieldLength--;
        }
        raw.add(Arrays.copyOf(field, fieldLength));
        return decode(raw);
    }

    private Fields decode(List<byte[]> raw) {
        List<String> values = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            byte[] bytes = raw.get(i);
            if (ascii(bytes)) {
                values.add(new String(bytes, StandardCharsets.ISO_8859_1));
                continue;
            }
            try {
                CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes));
                values.add(chars.toString());
            } catch (CharacterCodingException e) {
                return new Fields(recordNumber, List.of(), quoting
                        ? "field %d is not valid UTF-8 (the file must be saved as UTF-8)".formatted(i + 1)
                        : "is not valid UTF-8 (the file must be saved as UTF-8)");
            }
        }
        return new Fields(recordNumber, values, null);
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private void append(byte b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = b;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    /** @return whether at least one unread byte is buffered */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        bytesRead += limit;
        return limit > 0;
    }

    private void skipBom() throws IOException {
        fill();
        if (limit >= 2 && ((buffer[0] == (byte) 0xFE && buffer[1] == (byte) 0xFF) || (buffer[0] == (byte) 0xFF && buffer[1] == (byte) 0xFE))) {
            throw new FileRejected("the file is UTF-16; save it as UTF-8 (with or without BOM)");
        }
        if (limit >= 3 && Arrays.equals(buffer, 0, 3, UTF8_BOM, 0, 3)) {
            position = 3;
        }
    }

    /** {@code ;} or {@code ,}, whichever occurs more often outside quotes in the first line. */
    private byte separatorOfFirstLine() {
        int semicolons = 0;
        int commas = 0;
        boolean inQuotes = false;
        for (int i = position; i < limit && (inQuotes || buffer[i] != '\n'); i++) {
            switch (buffer[i]) {
                case QUOTE -> inQuotes = !inQuotes;
                case ';' -> semicolons += inQuotes ? 0 : 1;
                case ',' -> commas += inQuotes ? 0 : 1;
                default -> {
                }
            }
        }
        return semicolons >= commas && semicolons > 0 ? (byte) ';' : (byte) ',';
    }
}
