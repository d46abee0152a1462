package io.agiledunning.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is on a Kafka topic right now: every record from the beginning up to the end offsets at the time
 * of the call. Deterministic (no "poll until it seems quiet"), so tests can assert that an event was
 * published exactly once — or exactly twice.
 */
public final class PublishedEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private PublishedEvents() {
    }

    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.start().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end + " within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The values of the records with {@code key}, oldest first. */
    public static List<String> valuesWithKey(String topic, String key) {
        return readAll(topic).stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /** The value of the one record with {@code key}; fails naming the count when there is none or several. */
    public static String onlyValueWithKey(String topic, String key) {
        List<String> values = valuesWithKey(topic, key);
        if (values.size() != 1) {
            throw new AssertionError("expected exactly one record with key " + key + " on " + topic + ", found " + values.size());
        }
        return values.getFirst();
    }
}
