package io.agiledunning.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * One JVM shutdown hook that stops what this JVM started in two phases: first services and
 * servers (in parallel), then PostgreSQL. Separate hooks would run concurrently, and PostgreSQL
 * stopping under Keycloak and services makes its shutdown slow enough to fail.
 */
final class Shutdown {

    private static final List<Runnable> FIRST = new ArrayList<>();
    private static final List<Runnable> LAST = new ArrayList<>();
    private static boolean hookInstalled;

    private Shutdown() {
    }

    /** Services, Keycloak, Kafka, GreenMail. */
    static synchronized void first(Runnable stop) {
        install();
        FIRST.add(stop);
    }

    /** PostgreSQL, which the others use. */
    static synchronized void last(Runnable stop) {
        install();
        LAST.add(stop);
    }

    private static void install() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::run, "agiledunning-shutdown"));
            hookInstalled = true;
        }
    }

    private static void run() {
        List<Runnable> first;
        List<Runnable> last;
        synchronized (Shutdown.class) {
            first = List.copyOf(FIRST);
            last = List.copyOf(LAST);
        }
        first.parallelStream().forEach(Shutdown::quietly);
        last.forEach(Shutdown::quietly);
    }

    private static void quietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            System.err.println("Stopping a server failed: " + e);
        }
    }
}
