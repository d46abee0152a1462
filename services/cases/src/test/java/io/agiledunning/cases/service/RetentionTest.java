package io.agiledunning.cases.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionTest {

    @Test
    void aPeriodRunsFromTheEndOfTheRecordsYear() {
        // A voucher of 2 January 2026 and one of 31 December 2026 are both kept until the end of 2034 (8 years).
        assertEquals(LocalDate.parse("2034-12-31"), Retention.endOf(LocalDate.parse("2026-01-02"), Retention.VOUCHER_YEARS));
        assertEquals(LocalDate.parse("2034-12-31"), Retention.endOf(LocalDate.parse("2026-12-31"), Retention.VOUCHER_YEARS));
    }

    @Test
    void theLongestDutyDecides() {
        // A letter of 2030 (6 years: 2036) outlasts a voucher of 2026 (8 years: 2034).
        assertEquals(Optional.of(LocalDate.parse("2036-12-31")),
                Retention.until(List.of(LocalDate.parse("2026-05-01")), List.of(LocalDate.parse("2030-03-01"))));
        assertEquals(Optional.of(LocalDate.parse("2034-12-31")),
                Retention.until(List.of(LocalDate.parse("2026-05-01")), List.of(LocalDate.parse("2027-03-01"))));
    }

    @Test
    void nothingRetainedWithoutRecords() {
        assertEquals(Optional.empty(), Retention.until(List.of(), List.of()));
    }
}
