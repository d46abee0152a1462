package io.agiledunning.cases.law;

/** Which branch of § 286 BGB put the debtor in default. */
public enum DefaultReason {
    /** § 286(1): a reminder sent after the due date. */
    REMINDER_AFTER_DUE,
    /** § 286(2) no. 1: payment was due on a date fixed by the calendar. */
    CALENDAR_DATE,
    /** § 286(3): 30 days after due date and receipt of the invoice (consumers only if the invoice said so). */
    THIRTY_DAYS_AFTER_DUE_AND_RECEIPT
}
