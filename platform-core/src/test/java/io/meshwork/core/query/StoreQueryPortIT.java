package io.meshwork.core.query;

import static io.meshwork.core.query.PageVisitsProduct.BY_PAGE;
import static io.meshwork.core.query.PageVisitsProduct.BY_USER;
import static io.meshwork.core.query.PageVisitsProduct.PAGE_VIEWS;
import static io.meshwork.core.query.PageVisitsProduct.PER_MINUTE;
import static io.meshwork.core.query.PortClient.get;
import static io.meshwork.core.query.PortClient.json;
import static io.meshwork.core.query.PortClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.security.DevelopmentTokens;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of one product (same application id, own ports and state) on a real broker: every key is answered
 * by both, whichever holds it; scans page through the whole store; errors are JSON problems; tokens are checked.
 * The last test cuts the network to one instance and the other answers from its standby copy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreQueryPortIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final String SECRET = DevelopmentTokens.newSecret();
    private static final List<String> PERMISSIONS = List.of("web:read", "analytics:read");
    private static final String TOKEN = DevelopmentTokens.sign(SECRET, PERMISSIONS, Instant.now().plus(Duration.ofHours(1)));
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static final List<String> PAGES = List.of("home", "cart", "checkout", "search", "help", "account",
            "deals & offers", "page-01", "page-02", "page-03", "page-04", "page-05", "page-06", "über-uns");
    private static final List<Long> USERS = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 1_000_000_007L);
    private static final Instant MINUTE = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    static Path state;

    private static HttpForwarder networkToSecond;
    private static ProductRuntime first;
    private static ProductRuntime second;
    private static final Map<String, Long> VISITS_BY_PAGE = new TreeMap<>();
    private static final Map<Long, Long> VISITS_BY_USER = new TreeMap<>();
    private static final Map<String, Map<String, Long>> VISITS_PER_MINUTE = new TreeMap<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        KAFKA.createTopic(PAGE_VIEWS, 6);
        networkToSecond = HttpForwarder.start();
        first = ProductRuntime.start(new PageVisitsProduct(), PageVisitsProduct.contract(), config(state.resolve("first")));
        second = ProductRuntime.start(new PageVisitsProduct(), PageVisitsProduct.contract(),
                config(state.resolve("second")).withAdvertisedUrl(networkToSecond.url()));
        networkToSecond.target(second.httpPort());

        await().atMost(PATIENCE).until(() -> first.state() == KafkaStreams.State.RUNNING
                && second.state() == KafkaStreams.State.RUNNING
                && activeHosts(BY_PAGE, PAGES.stream().map(p -> (Object) p).toList()).size() == 2
                && activeHosts(BY_USER, USERS.stream().map(u -> (Object) u).toList()).size() == 2);

        int views = 0;
        for (int round = 0; round < 3; round++) {
            for (String page : PAGES) {
                long user = USERS.get(views % USERS.size());
                Instant at = MINUTE.plus(views % 3, ChronoUnit.MINUTES);
                KAFKA.client().produce(PAGE_VIEWS, page,
                        "{\"page\":\"" + page + "\",\"userId\":" + user + ",\"at\":\"" + at + "\"}");
                VISITS_BY_PAGE.merge(page, 1L, Long::sum);
                VISITS_BY_USER.merge(user, 1L, Long::sum);
                VISITS_PER_MINUTE.computeIfAbsent(page, p -> new TreeMap<>()).merge(at.toString(), 1L, Long::sum);
                views++;
            }
        }
    }

    private static ProductConfig config(Path stateDir) {
        return ProductConfig.of(KAFKA.bootstrapServers())
                .withHttpPort(0)
                .withStateDir(stateDir)
                .withJwtSecret(SECRET)
                .withKafka("commit.interval.ms", 100)
                .withKafka("num.standby.replicas", 1);
    }

    private static Set<HostInfo> activeHosts(String store, List<Object> keys) {
        var serializer = BY_USER.equals(store) ? KeyFormat.of(Long.class).serializer() : KeyFormat.of(String.class).serializer();
        return keys.stream().map(key -> first.streams().queryMetadataForKey(store, key, serializer).activeHost())
                .collect(Collectors.toSet());
    }

    @AfterAll
    static void stop() {
        Stream.of(first, second).filter(r -> r != null).forEach(ProductRuntime::close);
        if (networkToSecond != null) {
            networkToSecond.close();
        }
    }

    @Test
    @Order(1)
    void everyKeyIsAnsweredCorrectlyByBothInstancesWhicheverHoldsIt() {
        for (ProductRuntime instance : List.of(first, second)) {
            Set<String> answeredBy = new HashSet<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                answeredBy.clear();
                for (String page : PAGES) {
                    JsonNode answer = json(ok(instance, "/stores/" + BY_PAGE + "/keys/" + encode(page)));
                    assertThat(answer.path("key").asString()).isEqualTo(page);
                    assertThat(answer.path("value").asLong()).as(page).isEqualTo(VISITS_BY_PAGE.get(page));
                    assertThat(answer.path("servedBy").asString()).isEqualTo("active");
                    answeredBy.add(answer.path("instance").asString());

                    JsonNode windows = json(ok(instance, "/stores/" + PER_MINUTE + "/keys/" + encode(page)
                            + "?from=" + MINUTE + "&to=" + MINUTE.plus(2, ChronoUnit.MINUTES).toEpochMilli()));
                    Map<String, Long> perMinute = new TreeMap<>();
                    windows.path("windows").forEach(w -> {
                        assertThat(Instant.parse(w.path("end").asString()))
                                .isEqualTo(Instant.parse(w.path("start").asString()).plus(1, ChronoUnit.MINUTES));
                        perMinute.put(w.path("start").asString(), w.path("value").asLong());
                    });
                    assertThat(perMinute).as(page).isEqualTo(VISITS_PER_MINUTE.get(page));
                }
                for (long user : USERS) {
                    JsonNode answer = json(ok(instance, "/stores/" + BY_USER + "/keys/" + user));
                    assertThat(answer.path("key").asLong()).isEqualTo(user);
                    assertThat(answer.path("value").asLong()).as("user " + user).isEqualTo(VISITS_BY_USER.get(user));
                }
            });
            assertThat(answeredBy).as("instances that answered for " + instance.httpPort()).hasSize(2);
        }
    }

    @Test
    @Order(2)
    void concurrentForwardedLookupsEachGetTheirOwnKeysAnswer() throws Exception {
        for (ProductRuntime instance : List.of(first, second)) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int thread = 0; thread < 16; thread++) {
                    int t = thread;
                    results.add(clients.submit(() -> {
                        List<String> wrong = new ArrayList<>();
                        for (int i = 0; i < 20; i++) {
                            String page = PAGES.get((t + i) % PAGES.size());
                            HttpResponse<String> response = get(instance.httpPort(),
                                    "/stores/" + BY_PAGE + "/keys/" + encode(page), TOKEN);
                            JsonNode answer = response.statusCode() == 200 ? json(response) : null;
                            if (answer == null || !answer.path("key").asString().equals(page)
                                    || answer.path("value").asLong() != VISITS_BY_PAGE.get(page)) {
                                wrong.add(page + " -> " + response.statusCode() + " " + response.body());
                            }
                        }
                        return wrong;
                    }));
                }
                for (Future<List<String>> result : results) {
                    assertThat(result.get()).as("answers of " + instance.httpPort()).isEmpty();
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    @Order(3)
    void scansPageThroughTheWholeStoreInKeyOrder() {
        for (ProductRuntime instance : List.of(first, second)) {
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(scan(instance, BY_PAGE, "limit=4")).isEqualTo(VISITS_BY_PAGE));
            assertThat(scan(instance, BY_PAGE, "prefix=page-0&limit=2").keySet())
                    .containsExactly("page-01", "page-02", "page-03", "page-04", "page-05", "page-06");
            assertThat(scan(instance, BY_PAGE, "from=c&to=h").keySet())
                    .containsExactly("cart", "checkout", "deals & offers");
            assertThat(scan(instance, BY_USER, "from=2&to=7&limit=3").keySet())
                    .containsExactly("2", "3", "4", "5", "6", "7");
            assertThat(scan(instance, BY_PAGE, "prefix=nothing-here")).isEmpty();
        }
    }

    @Test
    @Order(4)
    void badRequestsGetJsonProblemsWithTheirStatus() {
        String users = "/stores/" + BY_USER + "/keys";
        String pages = "/stores/" + BY_PAGE + "/keys";
        String windows = "/stores/" + PER_MINUTE + "/keys";
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry(users + "/abc", 400),
                Map.entry(users + "/1.5", 400),
                Map.entry(users + "/99999999999999999999", 400),
                Map.entry(users + "/%20", 400),
                Map.entry(users + "?from=x", 400),
                Map.entry(users + "?prefix=1", 400),
                Map.entry(users + "?next=" + encode("YWJj"), 400),
                Map.entry(pages + "?limit=0", 400),
                Map.entry(pages + "?limit=-1", 400),
                Map.entry(pages + "?limit=abc", 400),
                Map.entry(pages + "?limit=1001", 400),
                Map.entry(pages + "?limit=1&limit=2", 400),
                Map.entry(pages + "?lmit=5", 400),
                Map.entry(pages + "?next=***", 400),
                Map.entry(pages + "?prefix=a&from=b", 400),
                Map.entry(pages + "/home?from=1", 400),
                Map.entry(windows, 400),
                Map.entry(windows + "/home?from=yesterday", 400),
                Map.entry(windows + "/home?from=2025-13-01T00:00:00Z", 400),
                Map.entry(windows + "/home?from=2025-03-01T10:00:00+01:00", 400),
                Map.entry(windows + "/home?to=99999999999999999999", 400),
                Map.entry(windows + "/home?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", 400),
                Map.entry(windows + "/home?since=1", 400),
                Map.entry("/stores?x=1", 400),
                Map.entry("/stores/nope/keys/home", 404),
                Map.entry("/stores/nope/keys", 404),
                Map.entry(pages + "/never-visited", 404),
                Map.entry(pages + "/a%2Fb", 404),
                Map.entry(pages + "/a%00b", 400),
                Map.entry(users + "/42", 404),
                Map.entry(windows + "/home?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z", 404),
                Map.entry(pages + "/home/extra", 404),
                Map.entry("/nothing", 404)));
        for (ProductRuntime instance : List.of(first, second)) {
            Map<String, HttpResponse<String>> responses = new TreeMap<>();
            expected.keySet().forEach(path -> responses.put(path, get(instance.httpPort(), path, TOKEN)));
            assertThat(responses).extractingFromEntries(Map.Entry::getKey, e -> e.getValue().statusCode(),
                            e -> e.getValue().headers().firstValue("Content-Type").orElse(""))
                    .containsExactlyElementsOf(expected.entrySet().stream()
                            .map(e -> tuple(e.getKey(), e.getValue(), "application/problem+json")).toList());
            responses.values().forEach(PortClient::problem);

            for (String target : List.of(pages + "/%ZZ", pages + "?limit=%G1", "/stores/%")) {
                Map.Entry<Integer, String> raw = PortClient.getRaw(instance.httpPort(), target, TOKEN);
                assertThat(raw.getKey()).as(target + " -> " + raw.getValue()).isEqualTo(400);
                assertThat(raw.getValue()).as(target).contains("application/problem+json");
            }
        }
    }

    @Test
    @Order(5)
    void storesNeedATokenWithEveryPermissionTheContractRequires() {
        String path = "/stores/" + BY_PAGE + "/keys/home";
        Instant later = Instant.now().plus(Duration.ofHours(1));
        for (ProductRuntime instance : List.of(first, second)) {
            int port = instance.httpPort();
            HttpResponse<String> none = get(port, path);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"page-visits\"");
            problem(none);

            HttpResponse<String> wrongSignature = get(port, path,
                    DevelopmentTokens.sign(DevelopmentTokens.newSecret(), PERMISSIONS, later));
            assertThat(wrongSignature.statusCode()).isEqualTo(401);
            assertThat(wrongSignature.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                    assertThat(v).contains("error=\"invalid_token\""));
            problem(wrongSignature);

            HttpResponse<String> expired = get(port, path,
                    DevelopmentTokens.sign(SECRET, PERMISSIONS, Instant.now().minus(Duration.ofHours(1))));
            assertThat(expired.statusCode()).isEqualTo(401);

            assertThat(get(port, path, "not-a-jwt").statusCode()).isEqualTo(401);
            for (String appended : List.of("%", "=", "!", "#", "A", "==", " x")) {
                assertThat(get(port, path, TOKEN + appended).statusCode()).as("token + '%s'", appended).isEqualTo(401);
            }
            assertThat(get(port, path, "Authorization", "Basic d2ViOnJlYWQ=").statusCode()).isEqualTo(401);

            HttpResponse<String> missingPermission = get(port, path, DevelopmentTokens.sign(SECRET, List.of("web:read"), later));
            assertThat(missingPermission.statusCode()).isEqualTo(403);
            assertThat(problem(missingPermission).path("detail").asString()).contains("analytics:read");

            HttpResponse<String> right = get(port, path, TOKEN);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(json(right).path("value").asLong()).isEqualTo(VISITS_BY_PAGE.get("home"));
            assertThat(get(port, "/stores", TOKEN).statusCode()).isEqualTo(200);
            assertThat(get(port, "/stores").statusCode()).isEqualTo(401);

            for (String open : List.of("/health", "/ready", "/metrics")) {
                assertThat(get(port, open).statusCode()).as(open).isEqualTo(200);
            }
        }
    }

    @Test
    @Order(6)
    void aStandbyAnswersWhenTheInstanceHoldingTheKeyIsUnreachable() {
        HostInfo secondAddress = HostInfo.buildFromEndpoint(networkToSecond.url().substring("http://".length()));
        String page = PAGES.stream()
                .filter(p -> first.streams().queryMetadataForKey(BY_PAGE, p, Serdes.String().serializer())
                        .activeHost().equals(secondAddress))
                .findFirst().orElseThrow();
        String path = "/stores/" + BY_PAGE + "/keys/" + encode(page);
        // The standby copy on the first instance has caught up with the second's active one.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(json(get(first.httpPort(), path,
                "Authorization", "Bearer " + TOKEN, PeerClient.FORWARDED_BY, "test", PeerClient.SERVE, PeerClient.STANDBY))
                .path("value").asLong()).isEqualTo(VISITS_BY_PAGE.get(page)));

        networkToSecond.stop();

        JsonNode answer = json(ok(first, path));
        assertThat(answer.path("servedBy").asString()).isEqualTo("standby");
        assertThat(answer.path("value").asLong()).isEqualTo(VISITS_BY_PAGE.get(page));
        HttpResponse<String> scan = get(first.httpPort(), "/stores/" + BY_PAGE + "/keys", TOKEN);
        assertThat(scan.statusCode()).isEqualTo(503);
        assertThat(scan.headers().firstValue("Retry-After")).isPresent();
        problem(scan);
    }

    /** Every entry of a scan, following continuation tokens; checks key order and page sizes on the way. */
    private static Map<String, Long> scan(ProductRuntime instance, String store, String query) {
        Map<String, Long> entries = new java.util.LinkedHashMap<>();
        List<byte[]> order = new ArrayList<>();
        String next = null;
        int limit = query.contains("limit=") ? Integer.parseInt(query.replaceAll(".*limit=(\\d+).*", "$1")) : 100;
        do {
            JsonNode page = json(ok(instance, "/stores/" + store + "/keys?" + query
                    + (next == null ? "" : "&next=" + encode(next))));
            assertThat(page.path("entries").size()).isLessThanOrEqualTo(limit);
            for (JsonNode entry : page.path("entries")) {
                String key = entry.path("key").asString();
                assertThat(entries).doesNotContainKey(key);
                entries.put(key, entry.path("value").asLong());
                order.add(BY_USER.equals(store) ? Serdes.Long().serializer().serialize(null, Long.parseLong(key))
                        : key.getBytes(StandardCharsets.UTF_8));
            }
            next = page.path("next").isNull() ? null : page.path("next").asString();
        } while (next != null);
        for (int i = 1; i < order.size(); i++) {
            assertThat(KeyFormat.compare(order.get(i - 1), order.get(i))).isNegative();
        }
        return entries;
    }

    private static HttpResponse<String> ok(ProductRuntime instance, String path) {
        HttpResponse<String> response = get(instance.httpPort(), path, TOKEN);
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return response;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
