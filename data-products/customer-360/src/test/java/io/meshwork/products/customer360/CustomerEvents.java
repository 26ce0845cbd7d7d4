package io.meshwork.products.customer360;

import io.meshwork.core.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Input events of customer 360 for tests: orders as the orders product publishes them, CRM events. */
final class CustomerEvents {

    private CustomerEvents() {
    }

    /** An order of {@code amount} CHF placed by {@code customerId} at {@code at}. */
    static ObjectNode order(String customerId, String amount, Instant at) {
        ObjectNode order = Json.mapper().createObjectNode();
        order.put("orderId", "ord-" + UUID.randomUUID());
        order.put("customerId", customerId);
        order.put("eventId", UUID.randomUUID().toString());
        order.put("timestamp", at.toString());
        order.put("region", "zurich");
        order.put("currency", "CHF");
        order.put("totalAmount", new BigDecimal(amount));
        order.putArray("items").addObject().put("productId", "prod-1").put("quantity", 1).put("price", new BigDecimal(amount));
        order.put("itemCount", 1);
        return order;
    }

    /** A CRM event of {@code type} at {@code at}, with name, email and preferences. */
    static ObjectNode crm(String customerId, String type, Instant at, String language, String... channels) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("eventType", type);
        event.put("customerId", customerId);
        event.put("timestamp", at.toString());
        event.put("name", "Anna Muster");
        event.put("email", "anna@example.com");
        ObjectNode preferences = event.putObject("preferences").put("language", language);
        ArrayNode list = preferences.putArray("channels");
        for (String channel : channels) {
            list.add(channel);
        }
        return event;
    }
}
