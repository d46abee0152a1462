package io.agiledunning.cases.api;

import io.agiledunning.cases.Case;
import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.util.UUID;

public record CaseView(UUID id, String externalReference, String debtorName, Money outstanding, String status, Instant createdAt) {

    static CaseView of(Case c) {
        return new CaseView(c.id(), c.externalReference(), c.debtorName(), c.outstanding(), c.status().name(), c.createdAt());
    }
}
