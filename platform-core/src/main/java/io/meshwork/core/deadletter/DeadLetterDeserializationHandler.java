package io.meshwork.core.deadletter;

import io.meshwork.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Input bytes that cannot be read go to the dead-letter topic, key and value untouched, and the product keeps
 * running. The record still counts as read.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterRouter router;

    @Override
    public void configure(Map<String, ?> configs) {
        router = DeadLetterRouter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("Unreadable record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                router.topic(), exception.getMessage());
        router.metrics().recordIn(record.topic());
        Violation why = new Violation("deserialization", "$", String.valueOf(exception.getMessage()));
        return Response.resume(List.of(router.deadLetter(context, record.key(), record.value(),
                DeadLetterReason.DESERIALIZATION, why)));
    }
}
