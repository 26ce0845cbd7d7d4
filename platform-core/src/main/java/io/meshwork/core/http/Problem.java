package io.meshwork.core.http;

/**
 * An RFC 9457 problem body: every error the query port returns is one of these, as JSON.
 *
 * @param type   {@code about:blank} or a problem-type URI
 * @param title  short summary, the HTTP reason phrase by default
 * @param status HTTP status
 * @param detail what went wrong with this request
 */
public record Problem(String type, String title, int status, String detail) {

    /** A problem of type {@code about:blank}. */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
