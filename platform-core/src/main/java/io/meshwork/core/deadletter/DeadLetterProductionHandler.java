package io.meshwork.core.deadletter;

import io.meshwork.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When Kafka refuses one output record (too large, timestamp out of the broker's range, unserializable), that
 * record goes to the dead-letter topic, stamped with the current time, and the product carries on. Errors that
 * are not about the record (retriable ones, authorization) keep Kafka Streams' default: retry or fail.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private DeadLetterRouter router;

    @Override
    public void configure(Map<String, ?> configs) {
        router = DeadLetterRouter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (!isAboutTheRecord(exception) || router.topic().equals(record.topic())) {
            return Response.fail();
        }
        return deadLetter(context, record, exception, "production");
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLetter(context, record, exception, "serialization");
    }

    private Response deadLetter(ErrorHandlerContext context, ProducerRecord<?, ?> record, Exception exception, String rule) {
        LOG.warn("Kafka refused a record for {}; sent to {}: {}", record.topic(), router.topic(), exception.toString());
        byte[] key = record.key() instanceof byte[] bytes ? bytes : context.sourceRawKey();
        byte[] value = record.value() instanceof byte[] bytes ? bytes : context.sourceRawValue();
        Violation why = new Violation(rule, "$", exception.getClass().getSimpleName() + ": " + exception.getMessage());
        return Response.resume(List.of(router.deadLetter(context, key, value, DeadLetterReason.PRODUCTION, why, null)));
    }

    private static boolean isAboutTheRecord(Exception exception) {
        return exception instanceof InvalidTimestampException
                || exception instanceof RecordTooLargeException
                || exception instanceof RecordBatchTooLargeException;
    }
}
