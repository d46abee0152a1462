package io.agiledunning.cases.repository;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.CaseStatus;
import io.agiledunning.cases.Claim;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenant-restricted like {@link CaseRepository}: by the tenant filter and row-level security. */
@ApplicationScoped
public class ClaimRepository {

    private static final List<CaseStatus> UNFINISHED = Arrays.stream(CaseStatus.values()).filter(s -> !s.isTerminal()).toList();

    public Uni<Claim> persist(Mutiny.Session session, Claim claim) {
        return session.persist(claim).replaceWith(claim);
    }

    public Uni<Optional<Claim>> findByExternalReference(Mutiny.Session session, String externalReference) {
        return session.createSelectionQuery("from Claim where externalReference = :ref", Claim.class)
                .setParameter("ref", externalReference)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    /**
     * The case's claims that count (not withdrawn), oldest first: what its balance, statement, allocation and
     * handover are made of.
     */
    public Uni<List<Claim>> ofCase(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("from Claim where caseId = :caseId and withdrawnAt is null order by createdAt, id",
                        Claim.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    /** Every claim of the case, withdrawn ones included, oldest first: what the case was asked to collect. */
    public Uni<List<Claim>> allOfCase(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("from Claim where caseId = :caseId order by createdAt, id", Claim.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    /** Every claim of the debtor, withdrawn ones included, oldest first. */
    public Uni<List<Claim>> ofDebtor(Mutiny.Session session, UUID debtorId) {
        return session.createSelectionQuery("from Claim where debtorId = :debtorId order by createdAt, id", Claim.class)
                .setParameter("debtorId", debtorId)
                .getResultList();
    }

    /** The debtor's case that is not finished yet (at most one: a partial unique index keeps it so). */
    public Uni<Optional<Case>> unfinishedCaseOf(Mutiny.Session session, UUID debtorId) {
        return session.createSelectionQuery("from Case where debtorId = :debtorId and status in (:unfinished) order by createdAt desc",
                        Case.class)
                .setParameter("debtorId", debtorId)
                .setParameter("unfinished", UNFINISHED)
                .setMaxResults(1)
                .getResultList()
                .map(found -> found.stream().findFirst());
    }
}
