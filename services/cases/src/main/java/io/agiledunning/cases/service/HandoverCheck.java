package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.law.AllocationLine;
import io.agiledunning.cases.law.Limitation;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Limitation blocks handover: a time-barred claim (§ 214 BGB: the debtor may refuse to pay it) must not go to a
 * collection agency, whose fees the debtor would then owe for a claim it need not pay. A case with such a claim is
 * refused as a whole, naming the claims, so the tenant decides (write off, or withdraw the claim) instead of the
 * platform silently handing over part of a case.
 */
@ApplicationScoped
public class HandoverCheck {

    private final CaseLaw law;

    public HandoverCheck(CaseLaw law) {
        this.law = law;
    }

    /**
     * Fails with CONFLICT if one of the case's open claims is time-barred on {@code today}. Payments on a claim are
     * acknowledgments that restart its limitation (§ 212(1) no. 1 BGB), so they are taken into account.
     */
    public Uni<Void> refuseTimeBarred(Mutiny.Session session, Case c, LocalDate today) {
        return law.of(session, c).map(facts -> {
            List<AllocationLine> lines = facts.allocationLines();
            List<String> barred = facts.claims().stream()
                    .filter(claim -> !claim.open().isZero())
                    .flatMap(claim -> {
                        Limitation limitation = facts.engine().limitation(facts.facts(claim), lines, today);
                        return limitation.isTimeBarred(today)
                                ? Stream.of("%s (limitation ended %s)".formatted(claim.externalReference(), limitation.date()))
                                : Stream.empty();
                    })
                    .toList();
            if (!barred.isEmpty()) {
                throw new ApiException(ErrorCode.CONFLICT, ("cannot hand over case %s: time-barred claims may not go to a "
                        + "collection agency (§ 214 BGB): %s; write them off or withdraw them first")
                        .formatted(c.id(), String.join(", ", barred)));
            }
            return null;
        });
    }
}
