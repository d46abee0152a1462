package io.agiledunning.common.events;

/**
 * The payload of an event: a fact, named in the past tense, a record defined once in this package and
 * listed in {@link EventType} (its name, schema version and topic) and in docs/events.md.
 */
public interface DomainEvent {
}
