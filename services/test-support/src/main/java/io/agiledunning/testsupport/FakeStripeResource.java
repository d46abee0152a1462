package io.agiledunning.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points payments' stripe-java client at this JVM's fake Stripe API and gives it the fake's webhook
 * secret ({@link ServiceConfig#stripe()}). Tests reach the fake with {@link ServiceConfig#fakeStripe()}.
 */
public class FakeStripeResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return ServiceConfig.stripe();
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM; stopped by a shutdown hook.
    }
}
