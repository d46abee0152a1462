package io.agiledunning.common.events;

import java.util.UUID;

/** A tenant saved a message template (key, channel, language). */
public record MessageTemplateSaved(UUID templateId, String key, String channel, String locale) implements DomainEvent {
}
