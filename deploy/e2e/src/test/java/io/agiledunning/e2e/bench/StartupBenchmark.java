package io.agiledunning.e2e.bench;

import io.agiledunning.e2e.PlatformStack;
import io.agiledunning.testsupport.KafkaServer;
import io.agiledunning.testsupport.KeycloakServer;
import io.agiledunning.testsupport.PlatformService;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.ServiceLauncher;
import io.agiledunning.testsupport.ServiceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start time and memory of every packaged service, each started alone (with real PostgreSQL,
 * Keycloak and Kafka running) exactly as the local stack starts it, {@code rounds} times:
 * <ul>
 *   <li>ready: the process' start instant (from the OS) until {@code /q/health/ready} answers 200,
 *       as {@link ServiceLauncher} polls it (every 250 ms, so up to 0.25 s late);</li>
 *   <li>Quarkus: the "started in X s" Quarkus logs itself;</li>
 *   <li>RSS: {@code VmRSS} of {@code /proc/<pid>/status} right after it became ready.</li>
 * </ul>
 * The baseline, measured in the same run, is a JVM with the same flags that only prints a line
 * ({@link MinimalJvm}). Goals: ready within 4 s, RSS at most 300 MB.
 *
 * <p>Run with {@code deploy/bench/startup.sh [rounds]}; writes the table also to
 * {@code deploy/e2e/target/startup-bench.md}.
 */
public final class StartupBenchmark {

    private static final double GOAL_SECONDS = 4.0;
    private static final double GOAL_MB = 300.0;
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9]+(?:\\.[0-9]+)?)s");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private record Sample(double readySeconds, double quarkusSeconds, double rssMb, double cpuSeconds) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("Starting PostgreSQL, Keycloak, Kafka (reused if already running) ...");
        CompletableFuture<KafkaServer> kafka = CompletableFuture.supplyAsync(KafkaServer::start);
        PostgresServer.start();
        KeycloakServer.start();
        kafka.join();
        System.out.printf("Load average before measuring: %s%n", loadAverage());

        PlatformStack stack = PlatformStack.onFreePorts();
        Map<String, List<Sample>> results = new LinkedHashMap<>();
        List<Sample> baseline = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            baseline.add(measureMinimalJvm());
        }
        results.put("baseline: minimal JVM", baseline);

        List<String> skipped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            if (!Files.isRegularFile(service.jar())) {
                skipped.add(service.serviceName() + " (no " + service.jar() + ")");
                continue;
            }
            Map<String, String> config = stack.config(service); // starts what it needs (SMTP for communications)
            // Without the JDK 25 AOT cache, then one start that records it, then starts that use it.
            System.setProperty("agiledunning.aot-cache", "false");
            measureRounds(stack, service, config, rounds, service.serviceName() + " (no AOT cache)", results, failures);
            System.setProperty("agiledunning.aot-cache", "true");
            measureRounds(stack, service, config, 1, service.serviceName() + " (recording AOT cache)", new LinkedHashMap<>(), failures);
            measureRounds(stack, service, config, rounds, service.serviceName() + " (AOT cache)", results, failures);
        }

        System.out.printf("Load average after measuring: %s%n", loadAverage());
        String table = table(results, rounds);
        System.out.println();
        System.out.println(table);
        skipped.forEach(s -> System.out.println("Skipped " + s));
        failures.forEach(f -> System.out.println("Failed start: " + f));
        Path out = Path.of("target", "startup-bench.md").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("Table written to " + out);
        System.exit(failures.isEmpty() ? 0 : 1); // shutdown hooks stop the servers started here
    }

    private static void measureRounds(PlatformStack stack, PlatformService service, Map<String, String> config, int rounds,
                                      String label, Map<String, List<Sample>> results, List<String> failures) {
        List<Sample> samples = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            try {
                Sample sample = measureService(stack, service, config);
                samples.add(sample);
                System.out.printf(Locale.ROOT, "  %-40s round %d: ready %.2f s, Quarkus started in %.2f s, CPU %.2f s, RSS %.0f MB%n",
                        label, round, sample.readySeconds(), sample.quarkusSeconds(), sample.cpuSeconds(), sample.rssMb());
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                failures.add(label + " round " + round + ": " + reason);
                System.out.printf("  %-40s round %d: FAILED %s%n", label, round, reason);
            }
        }
        if (!samples.isEmpty()) {
            results.put(label, samples);
        }
    }

    private static Sample measureService(PlatformStack stack, PlatformService service, Map<String, String> config) {
        ServiceProcess process = ServiceLauncher.start(service.serviceName(), service.jar(), stack.port(service), config);
        Instant ready = Instant.now();
        try {
            long pid = process.process().pid();
            double rss = rssMb(pid);
            double cpu = cpuSeconds(pid);
            Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                    .orElseThrow(() -> new IllegalStateException("no start time for pid " + pid));
            double readySeconds = (ready.toEpochMilli() - started.toEpochMilli()) / 1000.0;
            return new Sample(readySeconds, quarkusStartedIn(process.log()), rss, cpu);
        } finally {
            process.stop();
        }
    }

    private static Sample measureMinimalJvm() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(MinimalJvm.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        // The JVM flags ServiceLauncher gives a service.
        ProcessBuilder command = new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", classes, MinimalJvm.class.getName()).redirectErrorStream(true);
        long begin = System.nanoTime();
        Process process = command.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (!"ready".equals(line)) {
                throw new IllegalStateException("minimal JVM said: " + line);
            }
            return new Sample(seconds, Double.NaN, rssMb(process.pid()), cpuSeconds(process.pid()));
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The 1/5/15-minute load averages: other work on the machine skews start times. */
    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * User plus system CPU time the process has used ({@code /proc/<pid>/stat} fields 14 and 15, in
     * clock ticks of 1/100 s, Linux' USER_HZ): unlike wall time, hardly affected by other load.
     */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double rssMb(long pid) {
        try {
            Matcher matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            if (!matcher.find()) {
                throw new IllegalStateException("no VmRSS for pid " + pid);
            }
            return Long.parseLong(matcher.group(1)) / 1024.0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc/" + pid + "/status (Linux only)", e);
        }
    }

    /** The last "started in" of the log, which ServiceLauncher appends to run after run. */
    private static double quarkusStartedIn(Path log) {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log, StandardCharsets.UTF_8));
            double seconds = Double.NaN;
            while (matcher.find()) {
                seconds = Double.parseDouble(matcher.group(1));
            }
            return seconds;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String table(Map<String, List<Sample>> results, int rounds) {
        List<Sample> base = results.values().iterator().next();
        double baseSeconds = median(base.stream().mapToDouble(Sample::readySeconds).toArray());
        double baseMb = median(base.stream().mapToDouble(Sample::rssMb).toArray());
        StringBuilder out = new StringBuilder();
        out.append("Median of %d start(s) each; max in brackets. Ratios: against the minimal JVM of this run.%n%n".formatted(rounds));
        out.append("| Process | Ready (s) | Quarkus \"started in\" (s) | CPU used (s) | RSS (MB) | Ready × baseline | RSS × baseline | Goal ≤ 4 s, ≤ 300 MB |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, List<Sample>> entry : results.entrySet()) {
            List<Sample> samples = entry.getValue();
            double[] ready = samples.stream().mapToDouble(Sample::readySeconds).toArray();
            double[] quarkus = samples.stream().mapToDouble(Sample::quarkusSeconds).filter(d -> !Double.isNaN(d)).toArray();
            double[] rss = samples.stream().mapToDouble(Sample::rssMb).toArray();
            double[] cpu = samples.stream().mapToDouble(Sample::cpuSeconds).toArray();
            boolean isBaseline = samples == base;
            double readyMedian = median(ready);
            double rssMedian = median(rss);
            String goal = isBaseline ? "–"
                    : (max(ready) <= GOAL_SECONDS && max(rss) <= GOAL_MB ? "met"
                    : "MISSED (" + (max(ready) > GOAL_SECONDS ? "time" : "") + (max(ready) > GOAL_SECONDS && max(rss) > GOAL_MB ? ", " : "")
                    + (max(rss) > GOAL_MB ? "memory" : "") + ")");
            out.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f) | %s | %.2f | %.0f (%.0f) | %s | %s | %s |%n",
                    entry.getKey(), readyMedian, max(ready),
                    quarkus.length == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%.2f)", median(quarkus), max(quarkus)),
                    median(cpu),
                    rssMedian, max(rss),
                    isBaseline ? "1.0" : String.format(Locale.ROOT, "%.1f", readyMedian / baseSeconds),
                    isBaseline ? "1.0" : String.format(Locale.ROOT, "%.1f", rssMedian / baseMb),
                    goal));
        }
        return out.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(double[] values) {
        OptionalDouble max = Arrays.stream(values).max();
        return max.orElse(Double.NaN);
    }
}
