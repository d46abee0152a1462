package io.agiledunning.common.events;

import java.time.LocalDate;

/**
 * A platform admin offboarded the tenant: its users and clients are refused for good, dunning stops, its data is
 * kept with processing restricted until retention allows erasure, counted from {@code offboardedOn}.
 */
public record TenantOffboarded(String slug, String reason, String offboardedBy, LocalDate offboardedOn) implements DomainEvent {
}
