package io.agiledunning.common.data.tenantdata;

import io.agiledunning.common.retention.RetentionClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** Each service names the retention class of its tenant tables (docs/offboarding.md). */
@ConfigMapping(prefix = "agiledunning.retention")
public interface RetentionConfig {

    /** Tenant tables by name; see {@link #unlisted()} for the rest. */
    Map<String, RetentionClass> tables();

    /** A tenant table nobody classified is kept as long as the longest duty: never erased too early. */
    @WithDefault("BOOKS")
    RetentionClass unlisted();

    /** Days after the offboarding before data without a retention duty is erased: time to fetch the archive. */
    @WithDefault("30")
    int exportGraceDays();

    /** When {@link TenantRetention} erases what is due (Quarkus cron; {@code off} in tests, which call it). */
    @WithDefault(TenantRetention.ERASURE_CRON)
    String erasureCron();

    default RetentionClass classOf(String table) {
        return tables().getOrDefault(table, unlisted());
    }
}
