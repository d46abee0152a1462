package io.agiledunning.common.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The retention duties that kept an erased debtor's records pseudonymized ended on {@code retainedUntil}; the records
 * were deleted. {@code caseIds} names the debtor's cases that are gone (consumers delete what they hold of them);
 * {@code rowsDeleted} counts the deleted rows per table. The debtor's id stays as a tombstone. No personal data.
 */
public record DebtorRecordsDeleted(UUID debtorId, LocalDate retainedUntil, List<UUID> caseIds, Map<String, Long> rowsDeleted)
        implements DomainEvent {
}
