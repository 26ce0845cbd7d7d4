package ${package};

/**
 * An input event of ${domain}/${name}. Read leniently: missing fields stay {@code null} and the output contract
 * decides what is acceptable.
 *
 * @param id        event identifier
 * @param timestamp ISO-8601 instant the event happened: the event time
 * @param quantity  an example measure
 */
public record ${className}Event(String id, String timestamp, Integer quantity) {
}
