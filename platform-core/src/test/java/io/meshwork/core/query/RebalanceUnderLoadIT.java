package io.meshwork.core.query;

import static io.meshwork.core.query.PageVisitsProduct.BY_PAGE;
import static io.meshwork.core.query.PageVisitsProduct.PAGE_VIEWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import io.meshwork.core.security.DevelopmentTokens;
import io.meshwork.testkit.junit.KafkaClusterExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An instance joins and another leaves while page views stream in and queries keep coming: nothing is lost (the final
 * counts are exact), and every query is answered with a count no higher than the views sent so far, or with 503 and
 * Retry-After while the keys move; never a wrong value, never a 5xx of another kind.
 */
@Tag("fault")
class RebalanceUnderLoadIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.singleBroker();

    private static final List<String> PAGES = List.of("home", "cart", "checkout", "search", "help", "account");
    private static final String SECRET = DevelopmentTokens.newSecret();
    private static final String TOKEN = DevelopmentTokens.sign(SECRET, List.of("web:read", "analytics:read"),
            Instant.now().plus(Duration.ofHours(1)));

    @TempDir
    Path state;

    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> answers = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();

    @Test
    void anInstanceJoiningAndOneLeavingMidStreamLoseNothingAndNeverAnswerWrong() throws Exception {
        KAFKA.createTopic(PAGE_VIEWS, 6);
        PAGES.forEach(page -> sent.put(page, new AtomicLong()));
        ProductRuntime first = start("first");
        ProductRuntime second = null;
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread feed = new Thread(() -> feed(streaming), "page-views");
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> first.state() == KafkaStreams.State.RUNNING);
            feed.start();
            query(first, Duration.ofSeconds(5));
            second = start("second");
            query(first, Duration.ofSeconds(10));
            query(second, Duration.ofSeconds(5));
            first.close();
            query(second, Duration.ofSeconds(10));
            streaming.set(false);
            feed.join(30_000);

            ProductRuntime survivor = second;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String page : PAGES) {
                    HttpResponse<String> answer = PortClient.get(survivor.httpPort(), "/stores/" + BY_PAGE + "/keys/" + page, TOKEN);
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(PortClient.json(answer).path("value").asLong()).as(page).isEqualTo(sent.get(page).get());
                }
            });
            System.out.printf("query answers during the rebalances, by status: %s%n", answers);
            assertThat(wrong).isEmpty();
            assertThat(answers).containsKey(200);
        } finally {
            streaming.set(false);
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    private ProductRuntime start(String name) {
        return ProductRuntime.start(new PageVisitsProduct(), PageVisitsProduct.contract(), ProductConfig.of(KAFKA.bootstrapServers())
                .withHttpPort(0).withStateDir(state.resolve(name)).withJwtSecret(SECRET)
                .withKafka("commit.interval.ms", 100)
                .withKafka("num.standby.replicas", 1));
    }

    /** Page views at a steady rate; each counted as sent just before it goes (a send that fails fails the test). */
    private void feed(AtomicBoolean streaming) {
        int n = 0;
        while (streaming.get() && n < 20_000) {
            String page = PAGES.get(n % PAGES.size());
            // Counted before it is sent: the product may count it before this thread hears the broker's ack.
            sent.get(page).incrementAndGet();
            KAFKA.client().produce(PAGE_VIEWS, page, "{\"page\":\"" + page + "\",\"userId\":" + n % 7
                    + ",\"at\":\"" + Instant.parse("2025-03-01T10:00:00Z").plusSeconds(n) + "\"}");
            n++;
        }
    }

    /** Asks every page, over and over for {@code duration}, judging each answer. */
    private void query(ProductRuntime instance, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            for (String page : PAGES) {
                HttpResponse<String> answer = PortClient.get(instance.httpPort(), "/stores/" + BY_PAGE + "/keys/" + page, TOKEN);
                answers.merge(answer.statusCode(), 1, Integer::sum);
                judge(page, answer);
            }
        }
    }

    private void judge(String page, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status == 200) {
            JsonNode body = PortClient.json(answer);
            long value = body.path("value").asLong();
            // Never more than has been sent: a count from nowhere would be a wrong answer.
            if (value > sent.get(page).get() || value < 0) {
                wrong.add(page + " answered " + value + " with " + sent.get(page).get() + " sent");
            }
        } else if (status == 503) {
            if (answer.headers().firstValue("Retry-After").isEmpty()) {
                wrong.add(page + ": 503 without Retry-After");
            }
        } else if (status != 404) {
            wrong.add(page + ": " + status + " " + answer.body());
        }
    }
}
