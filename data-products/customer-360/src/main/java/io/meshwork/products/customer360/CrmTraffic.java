package io.meshwork.products.customer360;

import io.meshwork.core.json.Json;
import io.meshwork.core.traffic.SyntheticRecord;
import io.meshwork.core.traffic.SyntheticTraffic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic CRM events for {@code crm.customers}, about the same 500 customers the orders traffic places orders
 * for: a customer's first event is {@code CUSTOMER_CREATED} (with an account opened up to three years ago), later
 * ones are {@code CUSTOMER_UPDATED} with new preferences. Invalid ones are not JSON, carry a customer id that is not
 * a UUID, or an unknown event type.
 */
public final class CrmTraffic implements SyntheticTraffic {

    /** Customers of the synthetic shop, as in the orders traffic. */
    static final int CUSTOMERS = 500;
    private static final List<String> LANGUAGES = List.of("de", "fr", "it", "en");
    private static final List<String> CHANNELS = List.of("email", "sms", "push", "post");

    private final BitSet created = new BitSet(CUSTOMERS);

    @Override
    public String topic() {
        return Customer360.CRM;
    }

    /** Customers change their CRM record far less often than they order. */
    @Override
    public double weight() {
        return 0.2;
    }

    @Override
    public SyntheticRecord next(RandomGenerator random, Instant now, boolean invalid) {
        int n = random.nextInt(CUSTOMERS);
        String customerId = customerId(n);
        ObjectNode event = customerEvent(random, n, firstTime(n) ? CrmEvent.CREATED : CrmEvent.UPDATED, now);
        if (invalid) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    return new SyntheticRecord(customerId, "{\"eventType\": CUSTOMER_".getBytes(StandardCharsets.UTF_8));
                }
                case 1 -> event.put("customerId", "customer #" + n);
                default -> event.put("eventType", "CUSTOMER_MERGED");
            }
        }
        return new SyntheticRecord(customerId, Json.mapper().writeValueAsBytes(event));
    }

    /**
     * A CRM event about the {@code n}-th customer: eventId, eventType, customerId, timestamp, name, email,
     * preferences {language, channels}, and createdAt on {@code CUSTOMER_CREATED}.
     */
    public static ObjectNode customerEvent(RandomGenerator random, int n, String eventType, Instant at) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("eventId", new UUID(random.nextLong(), random.nextLong()).toString());
        event.put("eventType", eventType);
        event.put("customerId", customerId(n));
        event.put("timestamp", at.toString());
        if (CrmEvent.CREATED.equals(eventType)) {
            event.put("createdAt", at.minus(accountAge(n)).toString());
        }
        event.put("name", "Customer " + n);
        event.put("email", "customer-" + n + "@example.com");
        ObjectNode preferences = event.putObject("preferences");
        preferences.put("language", LANGUAGES.get(random.nextInt(LANGUAGES.size())));
        ArrayNode channels = preferences.putArray("channels");
        CHANNELS.stream().filter(c -> random.nextBoolean()).forEach(channels::add);
        return event;
    }

    /** The synthetic shop's n-th customer id: the orders traffic's formula, so both talk about the same customers. */
    public static String customerId(int n) {
        return UUID.nameUUIDFromBytes(("customer-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** How long ago the n-th customer opened their account: spread over three years, so some are new. */
    static Duration accountAge(int n) {
        return Duration.ofDays((n * 7L) % (3 * 365));
    }

    private synchronized boolean firstTime(int n) {
        boolean first = !created.get(n);
        created.set(n);
        return first;
    }
}
