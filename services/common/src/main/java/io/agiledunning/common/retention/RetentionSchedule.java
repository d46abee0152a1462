package io.agiledunning.common.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What this service keeps of an offboarded tenant, until when. */
public record RetentionSchedule(UUID tenantId, LocalDate offboardedOn, List<TableRetention> tables) {
}
