package io.agiledunning.cases.imports;

import io.agiledunning.cases.placement.ClaimData;
import io.agiledunning.cases.placement.DebtorAttributes;
import io.agiledunning.cases.placement.DebtorData;
import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.common.money.Money;

import java.util.List;

/** Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes). */
final class CopyText {

    private final StringBuilder line = new StringBuilder(512);

    /** The columns of {@link ImportMerge#STAGE_ROWS}, in order. */
    String placement(long row, PlaceClaim placement, Long duplicateOf, ChunkIds.Debtor debtor) {
        DebtorData d = placement.debtor();
        ClaimData c = placement.claim();
        line.setLength(0);
        number(row);
        text(d.externalReference());
        text(d.kind().name());
        text(d.name());
        array(d.emails());
        array(d.phones());
        text(d.address().street());
        text(d.address().postalCode());
        text(d.address().city());
        text(d.address().country());
        text(d.language());
        text(d.timeZone());
        text(d.germanState());
        bool(d.deceased());
        bool(d.insolvency());
        bool(d.vulnerable());
        if (d.attributes() == null) {
            line.append("\\N\t");
        } else {
            array(List.of(DebtorAttributes.toEntries(d.attributes())));
        }
        text(c.externalReference());
        text(c.invoiceNumber());
        text(c.issueDate().toString());
        text(c.dueDate().toString());
        number(c.principal().minorUnits());
        text(c.principal().currency().getCurrencyCode());
        number(c.principal().currency().getDefaultFractionDigits());
        bool(c.consumerNotice());
        number(c.fees().minorUnits());
        number(c.paid().minorUnits());
        Money open = c.principal().plus(c.fees()).minus(c.paid());
        number(open.minorUnits());
        if (duplicateOf == null) {
            line.append("\\N\t");
        } else {
            number(duplicateOf);
        }
        line.append(debtor.id()).append('\t');
        line.append(debtor.caseId()).append('\t');
        return end();
    }

    /** The columns of {@link ImportMerge#STAGE_ERRORS}, in order. */
    String error(RowError error, int seq) {
        line.setLength(0);
        number(error.row());
        number(seq);
        text(error.field());
        text(error.reason());
        return end();
    }

    private String end() {
        line.setCharAt(line.length() - 1, '\n');
        return line.toString();
    }

    private void number(long value) {
        line.append(value).append('\t');
    }

    private void bool(Boolean value) {
        line.append(Boolean.TRUE.equals(value) ? 't' : 'f').append('\t');
    }

    private void text(String value) {
        if (value == null) {
            line.append("\\N\t");
            return;
        }
        escaped(value);
        line.append('\t');
    }

    /** A text[] literal: every element double-quoted, then escaped once more for COPY. */
    private void array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        escaped(literal.append('}').toString());
        line.append('\t');
    }

    private void escaped(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
    }
}
