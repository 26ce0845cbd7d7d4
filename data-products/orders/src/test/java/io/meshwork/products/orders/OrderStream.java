package io.meshwork.products.orders;

import io.meshwork.test.DeliveryAudit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Valid order events produced fast (batched, acks=all, idempotent) for fault tests, remembering the position of
 * every record the broker acknowledged, so that a {@link DeliveryAudit} can check each was delivered.
 */
final class OrderStream implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Random random = new Random(42);
    private final List<String> positions = new CopyOnWriteArrayList<>();

    OrderStream(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), new StringSerializer(), new StringSerializer());
    }

    /** Sends {@code count} valid orders with event times around {@code at} and waits until all are acknowledged. */
    void send(int count, Instant at) {
        Future<?>[] sent = new Future<?>[count];
        for (int i = 0; i < count; i++) {
            String customer = OrderTraffic.customerId(random.nextInt(1000));
            sent[i] = producer.send(new ProducerRecord<>(OrdersProduct.ORDERS_PLACED, customer,
                    OrderTraffic.orderPlaced(random, customer, at.plusMillis(i)).toString()));
        }
        for (Future<?> future : sent) {
            try {
                RecordMetadata metadata = (RecordMetadata) future.get();
                positions.add(DeliveryAudit.position(metadata.partition(), metadata.offset()));
            } catch (ExecutionException e) {
                throw new IllegalStateException("an order was not acknowledged: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Positions of every acknowledged order, {@code partition@offset}. */
    List<String> positions() {
        return List.copyOf(positions);
    }

    @Override
    public void close() {
        producer.close();
    }
}
