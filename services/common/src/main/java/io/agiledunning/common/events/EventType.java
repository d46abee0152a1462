package io.agiledunning.common.events;

import java.util.Arrays;
import java.util.Optional;

/** Every event the platform emits: its wire name, schema version, topic and payload type. */
public enum EventType {
    CASE_OPENED("CaseOpened", 1, Topics.CASES, CaseOpened.class),
    TENANT_SETTINGS_CHANGED("TenantSettingsChanged", 1, Topics.TENANTS, TenantSettingsChanged.class),
    MESSAGE_TEMPLATE_SAVED("MessageTemplateSaved", 1, Topics.COMMUNICATIONS, MessageTemplateSaved.class),
    PAYMENT_RECORDED("PaymentRecorded", 1, Topics.PAYMENTS, PaymentRecorded.class);

    private final String wireName;
    private final int schemaVersion;
    private final String topic;
    private final Class<? extends DomainEvent> payloadType;

    EventType(String wireName, int schemaVersion, String topic, Class<? extends DomainEvent> payloadType) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public static EventType of(DomainEvent event) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass().getName() + " is not listed in EventType"));
    }

    /** Empty for types this version does not know (a newer producer): consumers skip them. */
    public static Optional<EventType> named(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }
}
