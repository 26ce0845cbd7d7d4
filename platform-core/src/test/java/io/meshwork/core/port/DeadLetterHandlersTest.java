package io.meshwork.core.port;

import static io.meshwork.core.port.RecordPathTest.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** How each handler answers Kafka Streams, called as Kafka Streams calls it. */
class DeadLetterHandlersTest {

    private static final long TEN_YEARS_AHEAD = System.currentTimeMillis() + 3650L * 24 * 3600 * 1000;

    private final CountingRecords counter = new CountingRecords();
    private final Properties streams = installed();

    record Context(String topic, int partition, long offset, Headers headers, String processorNodeId, TaskId taskId,
                   long timestamp, byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
    }

    private final Context context = new Context(RecordPathTest.INPUT, 3, 42L,
            new RecordHeaders().add("correlation-id", bytes("c-1")), "contract-gate", new TaskId(0, 3),
            TEN_YEARS_AHEAD, bytes("k"), bytes("{\"page\":\"/x\"}"));

    @Test
    void installReplacesTheProductsOwnHandlersAndNamesTheDeadLetterTopic() {
        assertThat(streams.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterHandlers.OnDeserialization.class);
        assertThat(streams.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterHandlers.OnProcessing.class);
        assertThat(streams.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterHandlers.OnProduction.class);
        assertThat(streams.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("shop.visits.dlq");
    }

    @Test
    void aHandlerCreatedByClassNameWithoutTheRuntimeFailsSayingSo() {
        assertThatThrownBy(() -> new DeadLetterHandlers.OnProcessing().configure(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("installed by the product runtime");
    }

    @Test
    void anOutputRecordKafkaRefusesIsDeadLetteredStampedNowAndCounted() {
        var handler = production();
        var refused = new ProducerRecord<>("shop.visits", null, TEN_YEARS_AHEAD, bytes("/x"), bytes("{}"));
        var response = handler.handleError(context, refused, new InvalidTimestampException("too far ahead"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.topic()).isEqualTo("shop.visits.dlq");
        assertThat(dead.value()).isEqualTo(bytes("{}"));
        assertThat(dead.timestamp()).isLessThan(TEN_YEARS_AHEAD).isGreaterThan(System.currentTimeMillis() - 60_000);
        assertThat(header(dead.headers(), MeshworkHeaders.KIND)).isEqualTo("production");
        assertThat(header(dead.headers(), MeshworkHeaders.RULE)).isEqualTo("production");
        assertThat(header(dead.headers(), MeshworkHeaders.SOURCE_OFFSET)).isEqualTo("42");
        assertThat(header(dead.headers(), MeshworkHeaders.CORRELATION_ID)).isEqualTo("c-1");
        assertThat(counter.deadLetters(DeadLetterReason.PRODUCTION)).isEqualTo(1);
    }

    @Test
    void errorsThatAreNotAboutTheRecordRetryOrFailAsKafkaStreamsWould() {
        var handler = production();
        var record = new ProducerRecord<>("shop.visits", bytes("/x"), bytes("{}"));
        assertThat(handler.handleError(context, record, new NotEnoughReplicasException("isr")).result())
                .isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(handler.handleError(context, record, new TopicAuthorizationException("denied")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(counter.deadLettered).isEmpty();
    }

    @Test
    void aDeadLetterTooLargeForKafkaIsWrittenWithoutKeyAndValueOnceAndNotCountedTwice() {
        var handler = production();
        var dead = new ProducerRecord<>("shop.visits.dlq", null, TEN_YEARS_AHEAD, bytes("/x"), new byte[1_048_000],
                new RecordHeaders().add(MeshworkHeaders.SOURCE_OFFSET, bytes("42")));
        var response = handler.handleError(context, dead, new RecordTooLargeException("big"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> writable = response.deadLetterQueueRecords().get(0);
        assertThat(writable.topic()).isEqualTo("shop.visits.dlq");
        assertThat(writable.key()).isNull();
        assertThat(writable.value()).isNull();
        assertThat(writable.timestamp()).isLessThan(TEN_YEARS_AHEAD);
        assertThat(header(writable.headers(), MeshworkHeaders.SOURCE_OFFSET)).isEqualTo("42");
        assertThat(header(writable.headers(), MeshworkHeaders.VALUE_OMITTED)).contains("1048002 bytes");
        assertThat(counter.deadLettered).isEmpty();
        // Refused again: nothing more can be done here, and retrying forever would hide it.
        assertThat(handler.handleError(context, writable, new RecordTooLargeException("still big")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void aDeadLetterWithARefusedTimestampIsWrittenStampedNowAndOtherRefusalsFail() {
        var handler = production();
        var dead = new ProducerRecord<>("shop.visits.dlq", null, TEN_YEARS_AHEAD, bytes("/x"), bytes("{}"));
        var response = handler.handleError(context, dead, new InvalidTimestampException("ahead"));
        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords().get(0).timestamp()).isLessThan(TEN_YEARS_AHEAD);
        assertThat(response.deadLetterQueueRecords().get(0).value()).isEqualTo(bytes("{}"));
        assertThat(handler.handleError(context, dead, new TopicAuthorizationException("denied")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void aProcessingFailureKeepsTheSourceBytesAndAWritableTimestamp() {
        var handler = new DeadLetterHandlers.OnProcessing();
        handler.configure(map(streams));
        var response = handler.handleError(context, null, new IllegalStateException("no such page"));

        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(dead.key()).isEqualTo(context.sourceRawKey());
        assertThat(dead.value()).isEqualTo(context.sourceRawValue());
        assertThat(dead.timestamp()).isLessThan(TEN_YEARS_AHEAD);
        assertThat(header(dead.headers(), MeshworkHeaders.MESSAGE)).isEqualTo("contract-gate: no such page");
        assertThat(counter.deadLetters(DeadLetterReason.PROCESSING)).isEqualTo(1);
    }

    @Test
    void aTimestampIsKeptUnlessTheBrokerWouldRefuseIt() {
        long now = 1_000_000_000L;
        assertThat(DeadLetters.writableTimestamp(now - 5, now)).isEqualTo(now - 5);
        assertThat(DeadLetters.writableTimestamp(now + 3_600_000, now)).isEqualTo(now + 3_600_000);
        assertThat(DeadLetters.writableTimestamp(now + 3_600_001, now)).isEqualTo(now);
        assertThat(DeadLetters.writableTimestamp(-1, now)).isEqualTo(now);
    }

    private DeadLetterHandlers.OnProduction production() {
        var handler = new DeadLetterHandlers.OnProduction();
        handler.configure(map(streams));
        return handler;
    }

    private Properties installed() {
        Properties p = new Properties();
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, "com.example.TheirOwnHandler");
        DeadLetterHandlers.install(p, new DeadLetters(RecordPathTest.CONTRACT, counter, 1024 * 1024));
        return p;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, ?> map(Properties properties) {
        return (Map) properties;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
