package io.agiledunning.cases.dunning.guardrails;

import io.agiledunning.cases.dunning.strategy.Channel;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the guardrails need to know about the debtor: where they live (time zone, state), which channels reach
 * them and which they opted out of, and when they were contacted before.
 *
 * @param state     null when unknown: only nationwide holidays apply
 * @param contacts  earlier contacts, any order
 */
public record Recipient(ZoneId zone, GermanState state, Set<Channel> reachable, Set<Channel> optedOut, List<Instant> contacts) {

    public Recipient {
        Objects.requireNonNull(zone, "zone");
        reachable = Set.copyOf(reachable);
        optedOut = Set.copyOf(optedOut);
        contacts = List.copyOf(contacts);
    }
}
