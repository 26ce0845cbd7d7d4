package ${package};

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record published by ${domain}/${name}, as its contract's schema describes it. Absent values are left out of
 * the JSON, so the contract reports them as missing rather than as {@code null}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ${className}Record(String id, String timestamp, Integer quantity) {

    /** The record for one input event; never throws, whatever is missing. */
    public static ${className}Record from(${className}Event event) {
        return new ${className}Record(event.id(), event.timestamp(), event.quantity());
    }
}
