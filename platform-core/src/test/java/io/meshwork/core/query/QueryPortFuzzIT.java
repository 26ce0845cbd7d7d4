package io.meshwork.core.query;

import static io.meshwork.core.query.PageVisitsProduct.BY_PAGE;
import static io.meshwork.core.query.PageVisitsProduct.PAGE_VIEWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.http.RawResponse;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.security.DevelopmentTokens;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated malformed requests (paths, encodings, query parameters, headers, methods, tokens, request
 * lines) against a running product's query port, sent as raw bytes so nothing on the client side tidies them up:
 * no 5xx, no hang, every error a JSON problem, and the product still healthy and answering after.
 */
class QueryPortFuzzIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final int REQUESTS = 3000;
    private static final String SECRET = DevelopmentTokens.newSecret();
    private static final String TOKEN = DevelopmentTokens.sign(SECRET, List.of("web:read", "analytics:read"),
            Instant.now().plus(Duration.ofHours(1)));

    @TempDir
    static Path state;

    private static ProductRuntime product;

    @BeforeAll
    static void start() {
        KAFKA.createTopic(PAGE_VIEWS, 2);
        product = ProductRuntime.start(new PageVisitsProduct(), PageVisitsProduct.contract(), ProductConfig.of(KAFKA.bootstrapServers())
                .withHttpPort(0).withHttpHost("127.0.0.1").withStateDir(state).withJwtSecret(SECRET)
                .withKafka("commit.interval.ms", 100));
        KAFKA.client().produce(PAGE_VIEWS, "home", "{\"page\":\"home\",\"userId\":1,\"at\":\"2025-03-01T10:00:00Z\"}");
        await().atMost(Duration.ofSeconds(90)).until(() -> product.state() == KafkaStreams.State.RUNNING
                && answer("GET /stores/" + BY_PAGE + "/keys/home HTTP/1.1", "Authorization: Bearer " + TOKEN).status() == 200);
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void malformedRequestsGetFourHundredsAsJsonNeverFiveHundredsOrSilenceAndTheProductStaysHealthy() {
        Random random = new Random(20261201);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String requestLine = method(random) + " " + target(random) + " " + version(random);
            String[] headers = headers(random);
            Answer answer = answer(requestLine, headers);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500 || answer.status() == Answer.TIMED_OUT
                    || (answer.status() >= 400 && !answer.body().isEmpty() && !answer.json())) {
                failures.add(answer.status() + " for " + requestLine + " " + String.join(" | ", headers)
                        + " -> " + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }
        assertThat(failures).as("statuses %s", statuses).isEmpty();
        assertThat(statuses.keySet()).as("the fuzzing reached the routes, not only the parser").contains(200, 400, 401, 404);

        assertThat(answer("GET /health HTTP/1.1").status()).isEqualTo(200);
        Answer home = answer("GET /stores/" + BY_PAGE + "/keys/home HTTP/1.1", "Authorization: Bearer " + TOKEN);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("\"value\":1");
    }

    private static String method(Random random) {
        return pick(random, "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
                "CONNECT", "FETCH", "get", "G\u00C9T");
    }

    private static String target(Random random) {
        String key = value(random);
        return switch (random.nextInt(12)) {
            case 0 -> "/stores/" + pick(random, BY_PAGE, "visits-by-user", "visits-per-minute", value(random)) + "/keys/" + key;
            case 1 -> "/stores/" + pick(random, BY_PAGE, "visits-by-user") + "/keys?from=" + key + "&to=" + value(random);
            case 2 -> "/stores/" + pick(random, BY_PAGE, "visits-by-user") + "/keys?prefix=" + key + "&limit=" + value(random);
            case 3 -> "/stores/" + BY_PAGE + "/keys?next=" + key;
            case 4 -> "/stores/visits-per-minute/keys/home?from=" + key + "&to=" + value(random);
            case 5 -> pick(random, "/health", "/ready", "/metrics", "/product", "/lineage", "/stores") + pick(random, "", "?", "?x=" + key, "/" + key);
            case 6 -> "/topology?format=" + key;
            case 7 -> "/" + key;
            case 8 -> pick(random, "*", "http://127.0.0.1/health", "//health", "/../../etc/passwd", "/stores/%2e%2e/keys/x");
            case 9 -> "/stores/" + BY_PAGE + "/keys/" + "a".repeat(random.nextInt(20_000));
            case 10 -> "/stores/" + BY_PAGE + "/keys/home?" + key + "=" + key + "&" + key;
            default -> "/stores/" + BY_PAGE + "/keys/home";
        };
    }

    private static String value(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> "%zz";
            case 1 -> "%";
            case 2 -> "%00";
            case 3 -> "%C3%28";
            case 4 -> "%FF%FE%FD";
            case 5 -> "-" + random.nextLong();
            case 6 -> "99999999999999999999999999";
            case 7 -> "";
            case 8 -> "2025-13-45T99:99:99Z";
            case 9 -> "%E2%80%AE%F0%9F%92%A9";
            case 10 -> "..%2F..%2F";
            case 11 -> "x".repeat(random.nextInt(3000));
            case 12 -> Long.toString(random.nextInt(100));
            default -> percentEncoded(random);
        };
    }

    private static String percentEncoded(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.append(String.format("%%%02X", random.nextInt(256)));
        }
        return text.toString();
    }

    private static String version(Random random) {
        return pick(random, "HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTX/1.1", "");
    }

    private static String[] headers(Random random) {
        List<String> headers = new ArrayList<>();
        switch (random.nextInt(9)) {
            case 0 -> headers.add("Authorization: Bearer " + TOKEN);
            case 1 -> headers.add("Authorization: Bearer " + TOKEN + pick(random, "%", "=", "!", "#", "A", ".x"));
            case 2 -> headers.add("Authorization: Bearer " + TOKEN.substring(0, random.nextInt(TOKEN.length())));
            case 3 -> headers.add("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJwZXJtaXNzaW9ucyI6WyJ3ZWI6cmVhZCJdfQ.");
            case 4 -> headers.add("Authorization: " + pick(random, "Basic d2ViOnJlYWQ=", "Bearer", "Bearer  ", "bearer x.y.z", percentEncoded(random)));
            case 5 -> headers.add("X-Big: " + "b".repeat(random.nextInt(40_000)));
            case 6 -> headers.add(pick(random, "Accept: text/html", "Accept: */*;q=x", "Content-Type: application/json",
                    "Transfer-Encoding: chunked", "Expect: 100-continue", "Host:", "Connection: upgrade\r\nUpgrade: h2c"));
            case 7 -> headers.add("Bad Header Without Colon");
            default -> { }
        }
        return headers.toArray(String[]::new);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    /** The status (or {@link #TIMED_OUT} / {@link #CLOSED}) and body of one raw request. */
    record Answer(int status, String contentType, String body) {

        static final int TIMED_OUT = -1;
        static final int CLOSED = 0;

        boolean json() {
            return contentType.contains("json");
        }
    }

    private static Answer answer(String requestLine, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", product.httpPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(RawResponse.read(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return new Answer(Answer.TIMED_OUT, "", "");
        } catch (IOException e) {
            // The server may reset a connection it already answered or refused; that is not a hang.
            return new Answer(Answer.CLOSED, "", e.toString());
        }
    }

    private static Answer parse(String text) {
        if (text.startsWith("TIMED OUT")) {
            return new Answer(Answer.TIMED_OUT, "", text);
        }
        if (!text.startsWith("HTTP/")) {
            return new Answer(Answer.CLOSED, "", text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).findFirst().orElse("");
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Answer(status, contentType, body);
    }
}
