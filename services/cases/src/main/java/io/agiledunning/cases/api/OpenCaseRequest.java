package io.agiledunning.cases.api;

import io.agiledunning.common.money.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record OpenCaseRequest(
        @NotBlank @Size(max = 100) String externalReference,
        @NotBlank @Size(max = 200) String debtorName,
        @NotNull Money amount) {
}
