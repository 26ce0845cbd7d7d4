package io.meshwork.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that ends in a JSON problem body: thrown from a route or before-handler, written by {@link HttpPort}
 * with its status and any extra response headers ({@code Retry-After}, {@code WWW-Authenticate}, ...).
 */
public final class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    private ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** A problem of type {@code about:blank} with no extra headers. */
    public static ProblemException of(int status, String title, String detail) {
        return new ProblemException(Problem.of(status, title, detail), Map.of());
    }

    /** 400: the request's path or parameters are malformed. */
    public static ProblemException badRequest(String detail) {
        return of(400, "Bad Request", detail);
    }

    /** 404: no such store, key or route. */
    public static ProblemException notFound(String detail) {
        return of(404, "Not Found", detail);
    }

    /** 503 with {@code Retry-After}: the answer exists but cannot be served right now. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return of(503, "Service Unavailable", detail).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** This problem with one more response header. */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ProblemException(problem, copy);
    }

    /** The problem body. */
    public Problem problem() {
        return problem;
    }

    /** Extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }
}
