package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.DebtorConsent;
import io.agiledunning.cases.service.DebtorDataExport;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The JSON document of everything the cases service holds about one debtor (Art. 15 and 20 GDPR), in the shapes the
 * other endpoints use: the debtor with its opt-outs, restriction and erasure, its consents, cases, claims (withdrawn
 * included), every case's timeline, payments with their allocations, the contacts the dunning engine asked for, and the
 * handover packages as handed over. {@code format} names the version of this layout.
 */
public record DebtorExportView(String format, Instant exportedAt, DebtorView debtor, List<ConsentView> consents,
                               List<CaseView> cases, List<ClaimView> claims, List<TimelineItem> timeline,
                               List<PaymentItem> payments, List<DebtorDataExport.Contact> contacts,
                               List<HandoverItem> handoverPackages) {

    public static final String FORMAT = "agile-dunning.debtor-export.v1";

    public record ConsentView(String channel, String source, Instant givenAt, String recordedBy, Instant recordedAt) {
        static ConsentView of(DebtorConsent c) {
            return new ConsentView(c.channel().name(), c.source(), c.givenAt(), c.recordedBy(), c.recordedAt());
        }
    }

    public record TimelineItem(UUID caseId, TimelineEntryView entry) {
    }

    public record PaymentItem(UUID caseId, CaseStatementView.PaymentView payment) {
    }

    public record HandoverItem(UUID caseId, Instant handedOverAt, String recipient, String agencyStatus, JsonNode handoverPackage) {
    }

    static DebtorExportView of(DebtorDataExport.DebtorData d, ObjectMapper json) {
        Map<String, String> claimReferences = d.claims().stream()
                .collect(Collectors.toMap(c -> c.id().toString(), Claim::externalReference));
        return new DebtorExportView(FORMAT, d.exportedAt(), DebtorView.of(d.debtor()),
                d.consents().stream().map(ConsentView::of).toList(),
                d.cases().stream().map(CaseView::of).toList(),
                d.claims().stream().map(ClaimView::of).toList(),
                d.timeline().stream().map(e -> new TimelineItem(e.caseId(), TimelineEntryView.of(e, json))).toList(),
                d.payments().stream().map(p -> new PaymentItem(p.payment().caseId(), CaseStatementView.PaymentView.of(p, claimReferences)))
                        .toList(),
                d.contacts(),
                d.handovers().stream().map(h -> new HandoverItem(h.caseId(), h.handedOverAt(), h.recipient(), h.agencyStatus(),
                        tree(json, h.packageJson()))).toList());
    }

    private static JsonNode tree(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
