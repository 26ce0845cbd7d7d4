package io.meshwork.core.deadletter;

import io.meshwork.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on which the domain topology throws goes to the dead-letter topic with the exception as the reason;
 * the source record's raw bytes are kept. One bad record does not stop the product.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterRouter router;

    @Override
    public void configure(Map<String, ?> configs) {
        router = DeadLetterRouter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("Processing failed in {} for {}-{}@{}; record sent to {}", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), router.topic(), exception);
        Violation why = new Violation(exception.getClass().getSimpleName(), "$",
                context.processorNodeId() + ": " + exception.getMessage());
        return Response.resume(List.of(router.deadLetter(context, context.sourceRawKey(), context.sourceRawValue(),
                DeadLetterReason.PROCESSING, why)));
    }
}
