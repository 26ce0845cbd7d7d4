package io.meshwork.core.query;

import io.meshwork.core.http.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A request's query parameters, checked strictly: unknown or repeated parameters are a 400, not ignored. */
final class QueryParameters {

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * The parameters of a request to a route that accepts {@code allowed}.
     *
     * @throws ProblemException 400 naming an unknown or repeated parameter
     */
    static QueryParameters of(Map<String, List<String>> values, Set<String> allowed, String route) {
        for (var entry : values.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw ProblemException.badRequest("unknown parameter '" + entry.getKey() + "' for " + route
                        + (allowed.isEmpty() ? ", which takes none" : "; it takes " + new TreeSet<>(allowed)));
            }
            if (entry.getValue().isEmpty()) {
                throw ProblemException.badRequest("parameter '" + entry.getKey() + "' has no readable value "
                        + "(check its percent-encoding)");
            }
            if (entry.getValue().size() > 1) {
                throw ProblemException.badRequest("parameter '" + entry.getKey() + "' is given "
                        + entry.getValue().size() + " times");
            }
        }
        return new QueryParameters(values);
    }

    /** The parameter's value, if given and not empty. */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(v -> v.get(0)).filter(v -> !v.isEmpty());
    }
}
