package io.agiledunning.communications;

import io.agiledunning.common.data.TenantScopedEntity;
import io.agiledunning.common.tenancy.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A tenant's text for one kind of message ({@code key}) on one channel in one language. */
@Entity
@Table(name = "message_templates")
public class MessageTemplate extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(nullable = false, updatable = false)
    private String locale;

    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected MessageTemplate() {
    }

    public static MessageTemplate create(TenantId tenant, String key, Channel channel, String locale, String subject,
                                         String body, String createdBy, Instant now) {
        if (channel == Channel.EMAIL && (subject == null || subject.isBlank())) {
            throw new IllegalArgumentException("an email template needs a subject");
        }
        MessageTemplate template = new MessageTemplate();
        template.tenantId = tenant.value();
        template.id = UUID.randomUUID();
        template.key = key;
        template.channel = channel;
        template.locale = locale;
        template.subject = subject;
        template.body = body;
        template.createdBy = createdBy;
        template.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return template;
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public Channel channel() {
        return channel;
    }

    public String locale() {
        return locale;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
