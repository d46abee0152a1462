package io.agiledunning.onboarding.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Abuse protection of the public sign-up and of invitations (docs/onboarding.md). Counted in PostgreSQL, so the
 * limits hold across replicas. A company signs up once; an admin invites a handful of colleagues.
 */
@ConfigMapping(prefix = "agiledunning.onboarding.rate-limits")
public interface RateLimitConfig {

    /** The sliding window every limit counts in. */
    @WithDefault("PT1H")
    Duration window();

    @WithDefault("10")
    int signUpsPerAddress();

    /** Free-mail domains are shared by many companies: keep this well above one company's needs. */
    @WithDefault("20")
    int signUpsPerDomain();

    @WithDefault("60")
    int invitationsPerAddress();

    @WithDefault("50")
    int invitationsPerDomain();
}
