package io.agiledunning.communications.repository;

import io.agiledunning.common.data.KeysetQueries;
import io.agiledunning.common.paging.Cursor;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.communications.Channel;
import io.agiledunning.communications.MessageTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Optional;
import java.util.UUID;

/** The tenant filter and row-level security restrict every query to the caller's tenant. */
@ApplicationScoped
public class MessageTemplateRepository {

    public Uni<MessageTemplate> persist(Mutiny.Session session, MessageTemplate template) {
        return session.persist(template).replaceWith(template);
    }

    public Uni<Optional<MessageTemplate>> findById(Mutiny.Session session, UUID id) {
        return session.createSelectionQuery("from MessageTemplate where id = :id", MessageTemplate.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .map(Optional::ofNullable);
    }

    public Uni<Boolean> exists(Mutiny.Session session, String key, Channel channel, String locale) {
        return session.createSelectionQuery(
                        "select count(*) from MessageTemplate where key = :key and channel = :channel and locale = :locale", Long.class)
                .setParameter("key", key)
                .setParameter("channel", channel)
                .setParameter("locale", locale)
                .getSingleResult()
                .map(count -> count > 0);
    }

    /** Oldest first. */
    public Uni<Page<MessageTemplate>> list(Mutiny.Session session, PageRequest request) {
        return KeysetQueries.page(session, MessageTemplate.class, request, t -> new Cursor(t.createdAt(), t.id()));
    }
}
