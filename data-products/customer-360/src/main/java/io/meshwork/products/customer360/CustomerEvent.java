package io.meshwork.products.customer360;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * One thing that happened to a customer: an order or a CRM event (exactly one is set). Both inputs become these
 * on the way to the profile store, repartitioned by customer id.
 *
 * @param order an order placed
 * @param crm   a CRM event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerEvent(Order order, CrmEvent crm) {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The event of an order.
     *
     * @throws IllegalArgumentException when it has no amount or its customer id is not a UUID (it is dead-lettered)
     */
    static CustomerEvent of(Order order) {
        requireCustomerId(order.customerId());
        if (order.totalAmount() == null) {
            throw new IllegalArgumentException("order " + order.orderId() + " has no totalAmount");
        }
        return new CustomerEvent(order, null);
    }

    /**
     * The event of a CRM change.
     *
     * @throws IllegalArgumentException when its type is unknown or its customer id is not a UUID (it is dead-lettered)
     */
    static CustomerEvent of(CrmEvent crm) {
        requireCustomerId(crm.customerId());
        if (!CrmEvent.CREATED.equals(crm.eventType()) && !CrmEvent.UPDATED.equals(crm.eventType())) {
            throw new IllegalArgumentException("CRM event type '" + crm.eventType() + "' is neither "
                    + CrmEvent.CREATED + " nor " + CrmEvent.UPDATED);
        }
        return new CustomerEvent(null, crm);
    }

    private static void requireCustomerId(String customerId) {
        if (customerId == null || !UUID.matcher(customerId).matches()) {
            throw new IllegalArgumentException("customer id '" + customerId + "' is not a UUID");
        }
    }
}
