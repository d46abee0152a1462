package io.agiledunning.cases.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.common.money.Money;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading import files: formats, headers, encodings, and a row-level error for every kind of broken row. */
class ImportReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final String ENGLISH_HEADER = "debtor_reference,debtor_kind,debtor_name,email,phone,street,postal_code,city,country,"
            + "claim_reference,invoice_number,issue_date,due_date,principal,currency,fees,paid,consumer_notice";

    @Test
    void englishHeadersWithCommasAndDotDecimals() throws IOException {
        List<ParsedRow> rows = read(ImportFormat.CSV, ENGLISH_HEADER + "\n"
                + "D-1,CONSUMER,Erika Mustermann,erika@example.org,,,,,,INV-1,R-1,2026-01-15,2026-02-14,1234.56,EUR,5,0,true\n");
        assertEquals(1, rows.size());
        ParsedRow row = rows.getFirst();
        assertTrue(row.isValid(), row.errors().toString());
        assertEquals(2, row.row(), "the header is row 1, as in a spreadsheet");
        PlaceClaim p = row.placement();
        assertEquals("D-1", p.debtor().externalReference());
        assertEquals(DebtorKind.CONSUMER, p.debtor().kind());
        assertEquals(List.of("erika@example.org"), p.debtor().emails());
        assertEquals(Money.of("1234.56", "EUR"), p.claim().principal());
        assertEquals(Money.of("5.00", "EUR"), p.claim().fees());
        assertEquals(Money.zero("EUR"), p.claim().paid());
        assertEquals(LocalDate.of(2026, 2, 14), p.claim().dueDate());
        assertTrue(p.claim().consumerNotice());
    }

    @Test
    void germanHeadersWithSemicolonsDecimalCommasBomAndCrLf() throws IOException {
        String file = "\uFEFFSchuldner-Referenz;Schuldner Art;Schuldner_Name;Telefon;Straße;PLZ;Ort;Land;Forderung_Referenz;"
                + "Rechnungsnummer;Rechnungsdatum;Fälligkeitsdatum;Hauptforderung;Währung;Gebühren;Verbraucherhinweis\r\n"
                + "D-2;Unternehmen;\"Müller; Söhne GmbH\";+49 30 1234;Hauptstr. 1;10115;Berlin;de;INV-2;R-2;15.01.2026;14.02.2026;1.234,50;eur;2,5;ja\r\n";
        ParsedRow row = read(ImportFormat.CSV, file).getFirst();
        assertTrue(row.isValid(), row.errors().toString());
        PlaceClaim p = row.placement();
        assertEquals("Müller; Söhne GmbH", p.debtor().name(), "a quoted separator is text");
        assertEquals(DebtorKind.BUSINESS, p.debtor().kind());
        assertEquals("DE", p.debtor().address().country());
        assertEquals(Money.of("1234.50", "EUR"), p.claim().principal());
        assertEquals(Money.of("2.50", "EUR"), p.claim().fees());
        assertEquals(LocalDate.of(2026, 1, 15), p.claim().issueDate());
        assertTrue(p.claim().consumerNotice());
    }

    @Test
    void everyBrokenRowIsRejectedAloneNamingRowFieldAndReason() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((ENGLISH_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        line(file, "D-1,CONSUMER,A,a@example.org,,,,,,INV-1,R-1,2026-01-15,2026-02-14,10.00,EUR,,,");          // 2 valid
        line(file, "D-2,CONSUMER,B,b@example.org,,,,,,INV-2,R-2,2026-02-30,2026-03-14,10.00,EUR,,,");          // 3 bad date
        line(file, "D-3,CONSUMER,C,c@example.org,,,,,,INV-3,R-3,2026-01-15,2026-02-14,-10.00,EUR,,,");         // 4 negative
        line(file, "D-4,CONSUMER,D,d@example.org,,,,,,INV-4,R-4,2026-01-15,2026-02-14,10.00,XYZ,,,");          // 5 currency
        line(file, "D-5,CONSUMER,E,,,,,,,INV-5,R-5,2026-01-15,2026-02-14,10.00,EUR,,,");                       // 6 no contact
        file.writeBytes("D-6,CONSUMER,M\u00fcller,".getBytes(StandardCharsets.ISO_8859_1));                    // 7 Latin-1
        line(file, "m@example.org,,,,,,INV-6,R-6,2026-01-15,2026-02-14,10.00,EUR,,,");
        line(file, "D-7,CONSUMER,G,g@example.org,,,,,,INV-7,R-7,2026-01-15,2026-01-14,10.005,EUR,,,");         // 8 two errors
        line(file, "D-8,CONSUMER,H,h@example.org,,,,,,INV-8,R-8,2026-01-15,2026-02-14,10.00,EUR,,");           // 9 short row
        line(file, "D-9,CONSUMER,I,i@example.org,,,,,,INV-9,R-9,2026-01-15,2026-02-14,10.00,EUR,1,20,");       // 10 paid > due
        line(file, "D-10,CONSUMER,J,j@example.org,,,,,,INV-10,R-10,2026-01-15,2026-02-14,10.00,EUR,,,");       // 11 valid
        List<ParsedRow> rows = read(ImportFormat.CSV, file.toByteArray());

        assertEquals(List.of(2L, 11L), rows.stream().filter(ParsedRow::isValid).map(ParsedRow::row).toList());
        List<RowError> errors = rows.stream().flatMap(r -> r.errors().stream()).toList();
        assertEquals(List.of(
                new RowError(3, "issue_date", "'2026-02-30' is not a date (expected YYYY-MM-DD or DD.MM.YYYY)"),
                new RowError(4, "principal", "must be positive"),
                new RowError(5, "currency", "unknown currency 'XYZ' (expected an ISO 4217 code such as EUR)"),
                new RowError(6, "debtor", "needs at least one contact point (email, phone or postal address)"),
                new RowError(7, "row", "field 3 is not valid UTF-8 (the file must be saved as UTF-8)"),
                new RowError(8, "principal", "EUR has at most 2 decimal places, got 10.005"),
                new RowError(9, "row", "has 17 fields, the header 18 (separator ',')"),
                new RowError(10, "paid", "must not exceed principal plus fees")), errors);
    }

    @Test
    void validationErrorsCarryTheFilesOwnColumnNames() throws IOException {
        String file = "Schuldner_Referenz;Schuldner_Art;Schuldner_Name;E-Mail;Forderung_Referenz;Rechnungsnummer;"
                + "Rechnungsdatum;Fälligkeitsdatum;Hauptforderung;Währung\n"
                + "D-1;Verbraucher;A;a@example.org;INV-1;R-1;15.01.2026;14.01.2026;10;EUR\n";
        ParsedRow row = read(ImportFormat.CSV, file).getFirst();
        assertEquals(List.of(new RowError(2, "Fälligkeitsdatum", "must not be before the issue date (2026-01-15)")), row.errors());
    }

    @Test
    void aHeaderWithoutRequiredOrWithUnknownColumnsRejectsTheFile() {
        FileRejected missing = assertThrows(FileRejected.class, () -> read(ImportFormat.CSV, "debtor_reference,debtor_kind\n"));
        assertTrue(missing.getMessage().startsWith("the header lacks the required column(s) debtor_name / schuldner_name"),
                missing.getMessage());
        FileRejected unknown = assertThrows(FileRejected.class,
                () -> read(ImportFormat.CSV, ENGLISH_HEADER + ",faelligkeit\n"));
        assertTrue(unknown.getMessage().startsWith("unknown column(s) 'faelligkeit'"), unknown.getMessage());
        FileRejected utf16 = assertThrows(FileRejected.class,
                () -> read(ImportFormat.CSV, (ENGLISH_HEADER + "\n").getBytes(StandardCharsets.UTF_16)));
        assertEquals("the file is UTF-16; save it as UTF-8 (with or without BOM)", utf16.getMessage());
    }

    @Test
    void jsonLinesAreReadAsThePlacementApiBodyWithTheSameErrors() throws IOException {
        String valid = """
                {"debtor":{"externalReference":"D-1","kind":"CONSUMER","name":"A","emails":["a@example.org"]},\
                "claim":{"externalReference":"INV-1","invoiceNumber":"R-1","issueDate":"2026-01-15","dueDate":"2026-02-14",\
                "principal":{"amount":10.5,"currency":"EUR"}}}""";
        String file = "\uFEFF" + valid + "\n\n"
                + valid.replace("\"EUR\"", "\"XYZ\"") + "\n"
                + "{not json\n"
                + valid.replace("\"name\":\"A\",", "") + "\n"
                + valid.replace("\"name\":\"A\",", "\"name\":\"A\",\"attributes\":{\"industry\":\"telecom\"},") + "\n";
        List<ParsedRow> rows = read(ImportFormat.JSON_LINES, file);
        assertTrue(rows.getFirst().isValid(), rows.getFirst().errors().toString());
        assertEquals(Money.of("10.50", "EUR"), rows.getFirst().placement().claim().principal());
        assertEquals(List.of(
                new RowError(3, "claim.principal.currency", "'XYZ' is not a valid Currency"),
                new RowError(4, "body", "is not well-formed JSON"),
                new RowError(5, "debtor.name", "is required")),
                rows.stream().skip(1).limit(3).flatMap(r -> r.errors().stream()).toList());
        assertEquals(Map.of("industry", "telecom"), rows.get(4).placement().debtor().attributes(), "attributes as in the API");
        assertNull(rows.getFirst().placement().debtor().attributes(), "left out: the debtor keeps its own");
    }

    @Test
    void amountsReadWithDotOrCommaDecimals() {
        assertEquals("1234.56", CsvImportReader.amount("1234.56").toPlainString());
        assertEquals("1234.56", CsvImportReader.amount("1.234,56").toPlainString());
        assertEquals("1234.5", CsvImportReader.amount("1234,5").toPlainString());
        assertEquals("-3", CsvImportReader.amount("-3").toPlainString());
        assertNull(CsvImportReader.amount("1,234.56"));
        assertNull(CsvImportReader.amount("12a"));
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static List<ParsedRow> read(ImportFormat format, String file) throws IOException {
        return read(format, file.getBytes(StandardCharsets.UTF_8));
    }

    static List<ParsedRow> read(ImportFormat format, byte[] file) throws IOException {
        ImportReader reader = ImportReader.open(format, new ByteArrayInputStream(file), JSON);
        List<ParsedRow> rows = new ArrayList<>();
        for (ParsedRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }
}
