package io.agiledunning.communications.service;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.data.UniqueViolation;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.MessageTemplateSaved;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.communications.Channel;
import io.agiledunning.communications.MessageTemplate;
import io.agiledunning.communications.repository.MessageTemplateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class MessageTemplateService {

    private final TenantTransactions transactions;
    private final MessageTemplateRepository templates;
    private final Outbox outbox;
    private final Clock clock;

    public MessageTemplateService(TenantTransactions transactions, MessageTemplateRepository templates, Outbox outbox, Clock clock) {
        this.transactions = transactions;
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<MessageTemplate> create(TenantContext caller, String key, Channel channel, String locale, String subject,
                                       String body, String correlationId) {
        MessageTemplate template;
        try {
            template = MessageTemplate.create(caller.tenantId(), key, channel, locale, subject, body, caller.subject(), clock.instant());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ApiException.invalid("subject", e.getMessage()));
        }
        ApiException duplicate = new ApiException(ErrorCode.CONFLICT, "a %s template '%s' in '%s' exists already".formatted(channel, key, locale));
        return transactions.inTransaction(caller.tenantId(), session -> templates.exists(session, key, channel, locale)
                        .chain(exists -> exists
                                ? Uni.createFrom().failure(duplicate)
                                : templates.persist(session, template)
                                        .call(t -> outbox.append(session, caller.tenantId(), t.id(),
                                                new MessageTemplateSaved(t.id(), t.key(), t.channel().name(), t.locale()), correlationId))))
                // A concurrent save of the same key, channel and language committed after our check.
                .onFailure(UniqueViolation::in).transform(e -> duplicate);
    }


    public Uni<MessageTemplate> get(TenantContext caller, UUID id) {
        return transactions.inTransaction(caller.tenantId(), session -> templates.findById(session, id))
                .map(found -> found.orElseThrow(() -> ApiException.notFound("template", id)));
    }

    public Uni<Page<MessageTemplate>> list(TenantContext caller, PageRequest request) {
        return transactions.inTransaction(caller.tenantId(), session -> templates.list(session, request));
    }
}
