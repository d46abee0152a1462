package io.agiledunning.common.retention;

import java.time.Instant;
import java.time.LocalDate;

/** One table of an offboarded tenant: how long it is kept, and whether it is gone. */
public record TableRetention(String table, RetentionClass retentionClass, LocalDate erasableFrom, Instant erasedAt, Long rowsErased) {
}
