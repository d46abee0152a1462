package io.agiledunning.common.events;

/** Kafka topics, one per bounded context: {@code <context>.events.v1}. */
public final class Topics {
    public static final String TENANTS = "tenants.events.v1";
    public static final String CASES = "cases.events.v1";
    public static final String COMMUNICATIONS = "communications.events.v1";
    public static final String PAYMENTS = "payments.events.v1";
    /** Commands with external side effects (send a message), each with an idempotency key; consumed by communications. */
    public static final String CASES_COMMANDS = "cases.commands.v1";

    private Topics() {
    }
}
