package io.agiledunning.cases.handover;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Delivery of handover packages to the agencies (docs/dunning.md, "Handover"). */
@ConfigMapping(prefix = "agiledunning.handover")
public interface HandoverConfig {

    /** Root of the drop folders: each tenant's packages go to {@code <root>/<tenant id>/}. */
    Optional<Path> dropFolder();

    /** Off in tests, which deliver by calling {@link HandoverDelivery#deliverDue()}. */
    @WithDefault("true")
    boolean deliveryEnabled();

    @WithDefault("15s")
    Duration deliveryInterval();

    @WithDefault("20")
    int deliveryBatch();

    /** How long a claimed delivery stays with its replica before another one retries it. */
    @WithDefault("PT5M")
    Duration deliveryLease();

    @WithDefault("PT10S")
    Duration webhookTimeout();
}
