package io.meshwork.core.port;

import io.meshwork.core.contract.Violation;
import io.meshwork.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The three Kafka Streams exception handlers of a product, each turning one kind of failure into a dead letter so
 * that one bad record never stops the product. {@link #install} wires them; the classes are public only because
 * Kafka Streams creates them by reflection.
 */
public final class DeadLetterHandlers {

    /** Streams setting through which the handlers reach the product's {@link DeadLetters}. */
    static final String DEAD_LETTERS_CONFIG = "meshwork.dead.letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /**
     * Sets the three handlers on {@code streams}, replacing whatever the product's settings said: the platform owns
     * the error path. Kafka Streams instantiates handlers from their class and then calls {@code configure} with the
     * Streams settings, so the product's {@code deadLetters} travel as one of those settings.
     */
    static void install(Properties streams, DeadLetters deadLetters) {
        streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, OnDeserialization.class);
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, OnProcessing.class);
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        streams.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OnProduction.class);
        streams.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetters.topic());
        streams.put(DEAD_LETTERS_CONFIG, deadLetters);
    }

    /** What every handler shares: the product's dead letters, from the settings {@link #install} wrote. */
    abstract static class Handler {

        DeadLetters deadLetters;

        public void configure(Map<String, ?> configs) {
            if (!(configs.get(DEAD_LETTERS_CONFIG) instanceof DeadLetters configured)) {
                throw new IllegalStateException("Meshwork's dead-letter handlers are installed by the product runtime "
                        + "(RecordPath.configure), not by class name");
            }
            deadLetters = configured;
        }
    }

    /** Input bytes that cannot be read go to the dead-letter topic, key and value untouched. */
    public static final class OnDeserialization extends Handler implements DeserializationExceptionHandler {

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            LOG.warn("Unreadable record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetters.topic(), exception.getMessage());
            String path = exception.getCause() instanceof JacksonException json ? Json.pathOf(json) : "$";
            Violation why = new Violation("deserialization", path, String.valueOf(exception.getMessage()));
            return Response.resume(List.of(deadLetters.record(context, record.key(), record.value(),
                    DeadLetterReason.DESERIALIZATION, why)));
        }
    }

    /** A record on which the domain topology throws goes to the dead-letter topic as its source bytes. */
    public static final class OnProcessing extends Handler implements ProcessingExceptionHandler {

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            LOG.warn("Processing failed in {} for {}-{}@{}; record sent to {}", context.processorNodeId(),
                    context.topic(), context.partition(), context.offset(), deadLetters.topic(), exception);
            Violation why = new Violation(exception.getClass().getSimpleName(), "$",
                    context.processorNodeId() + ": " + exception.getMessage());
            return Response.resume(List.of(deadLetters.record(context, context.sourceRawKey(), context.sourceRawValue(),
                    DeadLetterReason.PROCESSING, why)));
        }
    }

    /**
     * When Kafka refuses one output record (too large, timestamp out of the broker's range, unserializable), that
     * record goes to the dead-letter topic and the product carries on. Errors that are not about the record
     * (retriable ones, authorization) keep Kafka Streams' default: retry or fail.
     */
    public static final class OnProduction extends Handler implements ProductionExceptionHandler {

        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            if (exception instanceof RetriableException) {
                return Response.retry();
            }
            if (deadLetters.topic().equals(record.topic())) {
                // A dead letter that cannot be written would stop the product for good, at every restart.
                return deadLetters.writable(record, exception)
                        .map(writable -> {
                            LOG.warn("Kafka refused a dead letter for {}; writing it {}: {}", record.topic(),
                                    writable.value() == null ? "without its key and value" : "stamped now",
                                    exception.toString());
                            return Response.resume(List.of(writable));
                        })
                        .orElseGet(Response::fail);
            }
            if (!DeadLetters.aboutTheRecord(exception)) {
                return Response.fail();
            }
            return deadLetter(context, record, exception, "production");
        }

        @Override
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                 SerializationExceptionOrigin origin) {
            return deadLetter(context, record, exception, "serialization");
        }

        private Response deadLetter(ErrorHandlerContext context, ProducerRecord<?, ?> record, Exception exception,
                                    String rule) {
            LOG.warn("Kafka refused a record for {}; sent to {}: {}", record.topic(), deadLetters.topic(), exception.toString());
            byte[] key = record.key() instanceof byte[] bytes ? bytes : context.sourceRawKey();
            byte[] value = record.value() instanceof byte[] bytes ? bytes : context.sourceRawValue();
            Violation why = new Violation(rule, "$", exception.getClass().getSimpleName() + ": " + exception.getMessage());
            return Response.resume(List.of(deadLetters.record(context, key, value, DeadLetterReason.PRODUCTION, why)));
        }
    }
}
