package io.agiledunning.cases.handover;

import io.agiledunning.cases.api.CaseStatementView;
import io.agiledunning.cases.api.DebtorView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a case is handed over to the collection agency with, as the agency needs it to continue lawfully: the debtor,
 * each claim's statement as of the handover day (principal, default and its reason, interest period by period with
 * rate and days, costs with their basis, payments and how they were allocated, balance, limitation) — the
 * information § 13a RDG obliges the agency to give the debtor — and every contact the platform made.
 *
 * @param statementNote empty, or why the statement is as of an earlier day than the handover (a base rate missing)
 * @param creditor      the tenant as the creditor, from its settings (null before it set any)
 */
public record HandoverPackage(String format, UUID tenantId, UUID caseId, Instant handedOverAt, String recipient,
                              String reason, DebtorView debtor, CaseStatementView statement, String statementNote,
                              List<Contact> contacts, AgencyStatus agency, Creditor creditor) {

    public static final String FORMAT = "agile-dunning.handover.v1";

    /** One contact the dunning engine asked for. */
    public record Contact(Instant requestedAt, String step, String channel, String template) {
    }

    /** Whose claims these are: the tenant's name and its imprint (address, register, representatives). */
    public record Creditor(String name, String imprint) {
    }

    /** What the agency last reported. */
    public record AgencyStatus(String status, String reference, Instant updatedAt) {
    }

    HandoverPackage withAgency(AgencyStatus status) {
        return new HandoverPackage(format, tenantId, caseId, handedOverAt, recipient, reason, debtor, statement, statementNote,
                contacts, status, creditor);
    }
}
