package io.meshwork.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from a raw socket: up to the end of its body when it says how long that is, else up
 * to the connection's close. A response that never completes reads as {@code TIMED OUT}.
 */
public final class RawResponse {

    private RawResponse() {
    }

    public static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            return "TIMED OUT after: " + bytes.toString(StandardCharsets.ISO_8859_1);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int length = Integer.parseInt(head.substring(at + 15).lines().findFirst().orElse("0").strip());
        return text.length() - end - 4 >= length;
    }
}
