package io.agiledunning.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Kafka broker of this JVM: an existing one on the configured address (reused, never stopped
 * by us) or a single-node KRaft broker+controller started once in its own JVM, with its log dirs
 * in a fresh temp dir, and stopped at JVM exit. Settings: {@code agiledunning.kafka.port} (9092),
 * {@code agiledunning.kafka.controller-port} (19093).
 */
public final class KafkaServer {

    private static final String HOST = "127.0.0.1";
    private static KafkaServer instance;

    private final int port;
    private final boolean startedHere;

    private KafkaServer(int port, boolean startedHere) {
        this.port = port;
        this.startedHere = startedHere;
    }

    public static synchronized KafkaServer start() {
        if (instance == null) {
            int port = Settings.getInt("agiledunning.kafka.port", 9092);
            int controllerPort = Settings.getInt("agiledunning.kafka.controller-port", 19093);
            boolean running = Network.isListening(HOST, port);
            if (!running) {
                launch(port, controllerPort);
            }
            instance = new KafkaServer(port, !running);
        }
        return instance;
    }

    private static void launch(int port, int controllerPort) {
        try {
            Path dir = Files.createTempDirectory("agiledunning-kafka");
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(dir.resolve("data"), port, controllerPort));
            Path logging = dir.resolve("log4j2.properties");
            Files.writeString(logging, """
                    status = warn
                    appender.console.type = Console
                    appender.console.name = STDOUT
                    appender.console.layout.type = PatternLayout
                    appender.console.layout.pattern = [%d] %p %m (%c)%n
                    rootLogger.level = INFO
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    logger.kafka.name = kafka
                    logger.kafka.level = INFO
                    logger.clients.name = org.apache.kafka
                    logger.clients.level = WARN
                    """);
            String classpath = ServerArtifacts.kafkaClasspath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> jvm = List.of(java, "-Xmx512m", "-Dlog4j2.configurationFile=" + logging, "-cp", classpath);

            // KRaft storage must be formatted with a cluster id (22 chars of URL-safe base64, like Kafka's Uuid).
            ProcessBuilder format = new ProcessBuilder(new ArrayList<>(jvm));
            format.command().addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()));
            ServerProcess.start("kafka-format", format).awaitSuccess(Duration.ofSeconds(60));

            ProcessBuilder broker = new ProcessBuilder(new ArrayList<>(jvm));
            broker.command().addAll(List.of("kafka.Kafka", config.toString()));
            ServerProcess kafka = ServerProcess.start("kafka", broker);
            kafka.awaitReady(Duration.ofSeconds(60), () -> kafka.logContains("Kafka Server started") && Network.isListening(HOST, port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka's directory: " + e.getMessage(), e);
        }
    }

    private static String serverProperties(Path data, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%4$s
                num.partitions=1
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(HOST, port, controllerPort, data);
    }

    /** Never starting with '-': the storage tool's argument parser would take such an id for an option (as Kafka's own Uuid avoids). */
    private static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }

    /** {@code 127.0.0.1:9092}, the value of {@code kafka.bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public boolean startedHere() {
        return startedHere;
    }
}
