package io.agiledunning.api.cases;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;

/**
 * The cases service's body for {@code POST /api/cases/{id}/commands} (the commands this API offers):
 * {@code type} names the command, the other fields are its data; fields a command does not use are null.
 */
public record CaseCommandBody(String type, String reason, LocalDate until, String evidenceNote, String resolution,
                              String note, LocalDate payBy, Money amount) {

    static CaseCommandBody of(String type) {
        return new CaseCommandBody(type, null, null, null, null, null, null, null);
    }

    static CaseCommandBody withReason(String type, String reason) {
        return new CaseCommandBody(type, reason, null, null, null, null, null, null);
    }
}
