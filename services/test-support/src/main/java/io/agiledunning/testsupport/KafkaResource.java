package io.agiledunning.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Sets {@code kafka.bootstrap.servers} to the real broker. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return ServiceConfig.kafka();
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM; stopped by a shutdown hook.
    }
}
