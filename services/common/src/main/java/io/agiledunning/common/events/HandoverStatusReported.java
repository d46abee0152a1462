package io.agiledunning.common.events;

import java.util.UUID;

/** The collection agency reported on a case handed over to it (docs/dunning.md, "Handover"). */
public record HandoverStatusReported(UUID caseId, String status, String agencyReference, String note) implements DomainEvent {
}
