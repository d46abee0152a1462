package io.agiledunning.cases.service;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.law.BaseRateTable;
import io.agiledunning.cases.law.Conventions;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.law.FeeSchedule;
import io.agiledunning.cases.law.LegalEngine;
import io.agiledunning.cases.law.Limitation;
import io.agiledunning.cases.repository.ClaimRepository;
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

    /** Limitation needs neither base rates nor fees; the engine is only its home. */
    private static final LegalEngine LAW = new LegalEngine(BaseRateTable.bundled(), Conventions.defaults(), FeeSchedule.none());

    private final ClaimRepository claims;

    public HandoverCheck(ClaimRepository claims) {
        this.claims = claims;
    }

    /** Fails with CONFLICT if one of the case's open claims is time-barred on {@code today}. */
    public Uni<Void> refuseTimeBarred(Mutiny.Session session, Case c, LocalDate today) {
        return claims.ofCase(session, c.id()).map(list -> {
            List<String> barred = list.stream()
                    .filter(claim -> !claim.open().isZero())
                    .flatMap(claim -> {
                        Limitation limitation = limitationOf(claim, today);
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

    /** Limitation depends on the day the claim arose and on acknowledgments, not on the debtor's kind. */
    private static Limitation limitationOf(Claim claim, LocalDate today) {
        return LAW.limitation(StatementService.facts(claim, DebtorKind.CONSUMER), List.of(), today);
    }
}
