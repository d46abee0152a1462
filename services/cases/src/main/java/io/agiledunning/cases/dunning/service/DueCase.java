package io.agiledunning.cases.dunning.service;

import io.agiledunning.common.tenancy.TenantId;

import java.time.Instant;
import java.util.UUID;

/** A case claimed from the due index by one engine replica, until {@code leaseUntil}. */
public record DueCase(UUID caseId, TenantId tenant, Instant dueAt) {
}
