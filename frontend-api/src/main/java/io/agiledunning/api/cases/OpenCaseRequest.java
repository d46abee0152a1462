package io.agiledunning.api.cases;

import io.agiledunning.common.money.Money;

/** The cases service's request body for opening a case. */
public record OpenCaseRequest(String externalReference, String debtorName, Money amount) {
}
