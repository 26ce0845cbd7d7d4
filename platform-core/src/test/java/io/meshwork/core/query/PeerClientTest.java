package io.meshwork.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The peer client relays another instance's answers as they are, under many concurrent requests too. */
class PeerClientTest {

    private static final HostInfo SELF = new HostInfo("localhost", 7001);
    private static final Map<String, Map<String, String>> RECEIVED = new ConcurrentHashMap<>();
    private static Javalin peer;
    private static PeerClient client;

    @BeforeAll
    static void startPeer() {
        peer = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/echo/{key}", ctx -> {
                RECEIVED.put(ctx.pathParam("key"), ctx.headerMap());
                ctx.status(200).contentType("application/json").result("{\"key\":\"" + ctx.pathParam("key") + "\"}");
            });
            config.routes.get("/busy", ctx -> ctx.status(503).header("Retry-After", "2")
                    .contentType("application/problem+json").result("{\"status\":503}"));
            config.routes.get("/locked", ctx -> ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"p\"")
                    .contentType("application/problem+json").result("{\"status\":401}"));
            config.routes.get("/large", ctx -> ctx.status(200).contentType("application/json")
                    .result("{\"padding\":\"" + "x".repeat(200_000) + "\"}"));
            config.routes.get("/slow", ctx -> Thread.sleep(2_000));
        }).start("127.0.0.1", 0);
        client = new PeerClient(SELF, Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() {
        client.close();
        peer.stop();
    }

    private static HostInfo peer() {
        return new HostInfo("127.0.0.1", peer.port());
    }

    @Test
    void relaysTheAnswerAndPassesTheClientsHeadersOn() {
        PeerClient.Answer answer = client.get(peer(), "/echo/a%20b?x=1", Optional.of("Bearer t0ken"), true).join();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"key\":\"a b\"}");
        assertThat(answer.retryAfter()).isEmpty();
        Map<String, String> headers = RECEIVED.get("a b");
        assertThat(headers).containsEntry("Authorization", "Bearer t0ken")
                .containsEntry(PeerClient.FORWARDED_BY, "localhost:7001")
                .containsEntry(PeerClient.SERVE, PeerClient.STANDBY);
    }

    @Test
    void asksForTheActiveCopyWithoutAuthorizationWhenTheClientSentNone() {
        client.get(peer(), "/echo/plain", Optional.empty(), false).join();

        assertThat(RECEIVED.get("plain")).doesNotContainKeys("Authorization", PeerClient.SERVE)
                .containsEntry(PeerClient.FORWARDED_BY, "localhost:7001");
    }

    @Test
    void relaysErrorsWithTheirRetryAfterAndLeavesA401Alone() {
        PeerClient.Answer busy = client.get(peer(), "/busy", Optional.empty(), false).join();
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfter()).contains("2");
        assertThat(busy.contentType()).isEqualTo("application/problem+json");

        PeerClient.Answer locked = client.get(peer(), "/locked", Optional.of("Bearer bad"), false).join();
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo("{\"status\":401}");
    }

    @Test
    void largeAnswersArriveWhole() {
        assertThat(client.get(peer(), "/large", Optional.empty(), false).join().body()).hasSize(200_000 + 14);
    }

    @Test
    void concurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                int t = thread;
                results.add(callers.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        String key = "k" + t + "-" + i;
                        PeerClient.Answer answer = client.get(peer(), "/echo/" + key, Optional.empty(), false).join();
                        if (answer.status() != 200 || !answer.body().equals("{\"key\":\"" + key + "\"}")) {
                            mismatches.add(key + " -> " + answer);
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aPeerThatDoesNotAnswerInTimeFailsWithATimeout() {
        CompletableFuture<PeerClient.Answer> answer = client.get(peer(), "/slow", Optional.empty(), false);

        assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(HttpTimeoutException.class).hasMessage("request timed out");
    }

    @Test
    void anUnreachablePeerFailsWithAnIoException() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CompletableFuture<PeerClient.Answer> answer = client.get(new HostInfo("127.0.0.1", closed), "/echo/x",
                Optional.empty(), false);

        assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class).cause().isInstanceOf(IOException.class);
    }
}
