package io.agiledunning.cases.dunning.strategy;

import java.util.Objects;

/** One channel of a step with the template it sends there. */
public record ChannelTemplate(Channel channel, String template) {

    public ChannelTemplate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
    }
}
