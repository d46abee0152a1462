package io.agiledunning.cases.law;

import java.time.LocalDate;
import java.util.List;

/** All claims of one debtor as of one day, with how every payment up to that day was allocated. */
public record DebtorStatement(LocalDate asOf, List<PaymentAllocation> allocations, List<ClaimStatement> claims) {

    public DebtorStatement {
        allocations = List.copyOf(allocations);
        claims = List.copyOf(claims);
    }
}
