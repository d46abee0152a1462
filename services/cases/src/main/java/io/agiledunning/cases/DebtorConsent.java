package io.agiledunning.cases;

import java.time.Instant;

/**
 * A debtor's consent to be contacted on a channel: where the debtor gave it ({@code source}, e.g. "web form of
 * 2026-11-30", "phone call with agent K."), when ({@code givenAt}), and who recorded it when.
 */
public record DebtorConsent(ConsentChannel channel, String source, Instant givenAt, String recordedBy, Instant recordedAt) {
}
