package io.agiledunning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A JDK 25 ahead-of-time cache (JEP 483/514/515) per packaged service: the first start records it
 * ({@code -XX:AOTCacheOutput}, written when that JVM exits), later starts load it ({@code -XX:AOTCache})
 * and reach "ready" in about half the time. The cache belongs to one build of the service: a stamp of
 * the jars' sizes and times decides whether it is still valid, otherwise it is recorded anew.
 *
 * <p>Off unless {@code agiledunning.aot-cache=true} (the local stack and the start-up benchmark switch it
 * on; tests don't, since recording costs CPU at every stop).
 */
final class AotCache {

    private static final String CACHE = "agiledunning.aot";
    private static final String STAMP = "agiledunning.aot.stamp";

    private AotCache() {
    }

    static boolean enabled() {
        return Boolean.parseBoolean(Settings.get("agiledunning.aot-cache", "false")) && Runtime.version().feature() >= 25;
    }

    /** The JVM option that uses the cache of this build of the service, or records it. */
    static List<String> jvmOptions(Path quarkusRunJar) {
        if (!enabled()) {
            return List.of();
        }
        Path app = quarkusRunJar.getParent();
        Path cache = app.resolve(CACHE);
        Path stamp = app.resolve(STAMP);
        try {
            String current = fingerprint(app);
            if (Files.isRegularFile(cache) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(current)) {
                return List.of("-XX:AOTCache=" + cache);
            }
            Files.deleteIfExists(cache);
            Files.writeString(stamp, current);
            return List.of("-XX:AOTCacheOutput=" + cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache in " + app, e);
        }
    }

    /** Sizes and modification times of every jar of the packaged application. */
    private static String fingerprint(Path app) throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                String line = app.relativize(jar) + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
