package io.meshwork.core.http;

import io.meshwork.core.json.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses as JSON problems: requests Jetty rejects before any route sees them (an undecodable
 * or ambiguous URI, a malformed request line) get the same body shape as every other error of the port. An
 * unsupported HTTP version is the client's mistake and answered 400, never 505. (A few protocol-level refusals,
 * such as {@code CONNECT} or {@code OPTIONS *}, Jetty answers with an empty 4xx before any handler runs.)
 */
final class ProblemErrorHandler extends ErrorHandler {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // The client sent a version that is not HTTP/1.x (or not a version at all): its mistake, so a 4xx.
            code = HttpStatus.BAD_REQUEST_400;
            message = "unsupported HTTP version: send HTTP/1.1";
            response.setStatus(code);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int status, String message) {
        String title = HttpStatus.getMessage(status);
        return Json.mapper().writeValueAsBytes(Problem.of(status, title,
                message == null || message.isBlank() ? title : message));
    }
}
