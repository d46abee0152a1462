package io.agiledunning.cases.imports;

/** Where an import job is; {@code COMPLETED} and {@code FAILED} are final. */
public enum ImportJobState {
    /** Reserved for queued uploads; an upload is read at once today, so its job is created RUNNING. */
    QUEUED,
    /** Reading, staging and merging chunk by chunk; the counters grow with every committed chunk. */
    RUNNING,
    /** Every row read: imported or rejected (see the error report). */
    COMPLETED,
    /** The file could not be read on (see {@code failure}); rows of chunks committed before stay imported. */
    FAILED
}
