package io.agiledunning.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts later (a packaged service, a restart on the same port).
 *
 * <p>They are chosen below the kernel's ephemeral range (Linux: 32768–60999; macOS and Windows start
 * higher still). A port the kernel hands out with {@code new ServerSocket(0)} lies inside that range,
 * and between choosing it and the service binding it, seconds later, any outgoing connection of the
 * test JVM, Kafka or PostgreSQL may be given the same number as its local port: the service then
 * fails with "port in use". Ports outside the range are never given to outgoing connections, so only
 * another listener can take them, which the bind check below rules out at the moment of choosing.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_767;
    private static final int ATTEMPTS = 1_000;

    private FreePorts() {
    }

    /** One port nothing listens on now. */
    public static int one() {
        return distinct(1).getFirst();
    }

    /** {@code count} distinct ports nothing listens on now, starting at a random place in the range. */
    public static List<Integer> distinct(int count) {
        List<Integer> ports = new ArrayList<>(count);
        int span = HIGHEST - LOWEST + 1;
        int candidate = ThreadLocalRandom.current().nextInt(span);
        for (int attempt = 0; attempt < ATTEMPTS && ports.size() < count; attempt++, candidate++) {
            int port = LOWEST + candidate % span;
            if (!ports.contains(port) && canBind(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("found only " + ports.size() + " of " + count
                    + " free ports between " + LOWEST + " and " + HIGHEST + " in " + ATTEMPTS + " attempts");
        }
        return List.copyOf(ports);
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
