package io.agiledunning.payments.connect;

import io.agiledunning.payments.connect.StripeConnection.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeConnectionTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void cardPaymentsNeedAConnectedAccountWithChargesEnabled() {
        assertEquals(new StripeConnection(null, false, false, false, null, false, Reason.NOT_CONNECTED), StripeConnection.none());

        assertReason(Reason.ONBOARDING_INCOMPLETE, new AccountState("acct_1", false, false, false));
        assertReason(Reason.ONBOARDING_INCOMPLETE, new AccountState("acct_1", false, true, false));
        assertReason(Reason.CHARGES_DISABLED, new AccountState("acct_1", false, false, true));
        assertReason(Reason.CHARGES_DISABLED, new AccountState("acct_1", false, true, true));

        StripeConnection enabled = StripeConnection.of(new AccountState("acct_1", true, false, true), AS_OF);
        assertTrue(enabled.cardPaymentsAvailable(), "payouts are not needed to take a card payment");
        assertNull(enabled.reason());
        assertEquals("acct_1", enabled.accountId());
        assertEquals(AS_OF, enabled.stateAsOf());
    }

    private static void assertReason(Reason expected, AccountState state) {
        StripeConnection connection = StripeConnection.of(state, AS_OF);
        assertFalse(connection.cardPaymentsAvailable(), state.toString());
        assertEquals(expected, connection.reason(), state.toString());
    }
}
