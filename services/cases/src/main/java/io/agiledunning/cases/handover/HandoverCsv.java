package io.agiledunning.cases.handover;

import io.agiledunning.cases.api.CaseStatementView;
import io.agiledunning.common.money.Money;

import java.util.List;

import static io.agiledunning.common.csv.Csv.line;

/** A handover package as CSV (RFC 4180, comma, UTF-8): one line per claim, amounts with a decimal point. */
final class HandoverCsv {

    static final List<String> HEADER = List.of("case_id", "handed_over_at", "recipient", "debtor_reference", "debtor_name",
            "debtor_kind", "claim_reference", "invoice_number", "issue_date", "due_date", "currency", "principal", "interest",
            "costs", "allocated", "balance", "default_since", "default_reason", "limitation_date", "statement_as_of",
            "contacts");

    private HandoverCsv() {
    }

    static String of(HandoverPackage p) {
        StringBuilder csv = new StringBuilder(line(HEADER));
        CaseStatementView s = p.statement();
        for (CaseStatementView.ClaimStatementView claim : s.claims()) {
            csv.append(line(List.of(p.caseId().toString(), p.handedOverAt().toString(), p.recipient(),
                    p.debtor() == null ? "" : p.debtor().externalReference(), p.debtor() == null ? "" : p.debtor().name(),
                    s.debtorKind() == null ? "" : s.debtorKind().name(), claim.externalReference(), claim.invoiceNumber(),
                    claim.issueDate().toString(), claim.dueDate().toString(), s.currency(), amount(claim.principal()),
                    amount(claim.interest()), amount(claim.costs()), amount(claim.allocated()), amount(claim.balance()),
                    claim.defaultStart() == null ? "" : claim.defaultStart().began().toString(),
                    claim.defaultStart() == null ? "" : claim.defaultStart().reason().name(),
                    claim.limitation().date().toString(), s.asOf().toString(), String.valueOf(p.contacts().size()))));
        }
        return csv.toString();
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
