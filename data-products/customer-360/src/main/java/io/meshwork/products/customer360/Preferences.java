package io.meshwork.products.customer360;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A customer's communication preferences, as the CRM reports them.
 *
 * @param language preferred language, such as {@code de}
 * @param channels channels the customer accepts, such as {@code email}, {@code sms}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preferences(String language, List<String> channels) {
}
