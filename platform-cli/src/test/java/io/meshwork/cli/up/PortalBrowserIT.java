package io.meshwork.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cli.contracts.CommandRun;
import io.meshwork.cli.portal.HeadlessChromium;
import io.meshwork.core.runtime.ProductConfig;
import io.meshwork.core.runtime.ProductRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser: {@code mesh up}'s local mesh (embedded broker, the four products, traffic that is 90%
 * invalid, the portal) opened in Debian's headless Chromium, and every assertion made on the page as the browser
 * rendered it after its scripts ran. Leaves a screenshot in {@code target/portal.png} (docs/portal.png is one).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> MESH_PRODUCTS = List.of("analytics/high-volume-alerts", "analytics/realtime-revenue",
            "commerce/orders", "marketing/customer-360");
    private static final String BREACHED_RED = "rgba(198, 40, 40, 1)";

    @TempDir
    static Path dataDir;

    private static LocalMesh mesh;
    private static ChromeDriver browser;

    @BeforeAll
    static void startMeshAndBrowser() throws IOException {
        mesh = LocalMesh.start(new UpOptions(dataDir.resolve("mesh"), Optional.empty(), 0, 20, 0.9, freePort(),
                List.of(), "at_least_once"));
        browser = HeadlessChromium.start(dataDir.resolve("chromium"), 1400, 1900);
        browser.get(mesh.portalUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void thePageListsTheFourProductsWithTheirContractsAndDrawsTheLineageGraph() {
        holds(() -> {
            assertThat(products()).extracting(card -> card.getAttribute("data-product"))
                    .containsExactlyElementsOf(MESH_PRODUCTS);
            WebElement orders = product("commerce/orders");
            assertThat(orders.findElement(By.cssSelector(".owner")).getText()).isEqualTo("commerce-data-team");
            assertThat(orders.findElement(By.cssSelector(".output-topic")).getText()).isEqualTo("commerce.orders");
            assertThat(orders.findElement(By.cssSelector(".classification")).getText()).isEqualTo("internal");
            assertThat(orders.findElements(By.cssSelector("table.schema tr[data-field]"))).extracting(
                    row -> row.getAttribute("data-field")).contains("orderId", "items[*].price");
        });
        // The graph: one node per product and per external topic, an edge per topic flowing between them.
        holds(() -> {
            assertThat(browser.findElements(By.cssSelector("#lineage-svg g.node.product"))).hasSize(4);
            assertThat(browser.findElements(By.cssSelector("#lineage-svg g.node.topic")))
                    .extracting(node -> node.getAttribute("data-id")).contains("commerce.orders.placed", "crm.customers");
            assertThat(browser.findElements(By.cssSelector("#lineage-svg g.edge")))
                    .extracting(edge -> edge.getAttribute("data-from") + " -> " + edge.getAttribute("data-to"))
                    .contains("commerce/orders -> analytics/realtime-revenue", "commerce/orders -> marketing/customer-360",
                            "analytics/realtime-revenue -> analytics/high-volume-alerts");
            assertThat(browser.findElement(By.cssSelector("#lineage-svg g.edge path")).getRect().getWidth()).isPositive();
        });
    }

    @Test
    @Order(2)
    void aProductFedMostlyInvalidRecordsShowsItsBreachedQualitySlaInItsOwnLook() throws IOException {
        holds(() -> {
            WebElement orders = product("commerce/orders");
            assertThat(orders.getAttribute("data-sla")).isEqualTo("breached");
            assertThat(orders.findElement(By.cssSelector("tr.sla[data-sla='quality']")).getAttribute("class"))
                    .contains("breached");
            assertThat(orders.getCssValue("border-left-color")).isEqualTo(BREACHED_RED);
            assertThat(orders.findElement(By.cssSelector(".badge")).getText()).isEqualToIgnoringCase("SLA breached");
            assertThat(browser.findElement(By.cssSelector("#lineage-svg g.node[data-id='commerce/orders']"))
                    .getAttribute("class")).contains("sla-breached");
            // Flow and dead letters: counted, with the rule that sent the latest ones there.
            assertThat(Long.parseLong(orders.findElement(By.cssSelector(".flow .dlq b")).getText())).isPositive();
            assertThat(orders.findElements(By.cssSelector("ul.dead-letters li code"))).isNotEmpty();
        });
        // A product whose SLAs hold looks different.
        holds(() -> {
            WebElement revenue = product("analytics/realtime-revenue");
            assertThat(revenue.getAttribute("data-sla")).isEqualTo("met");
            assertThat(revenue.getCssValue("border-left-color")).isNotEqualTo(BREACHED_RED);
        });

        Path screenshot = Path.of("target", "portal.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(3)
    void recordSamplesNeedATokenWithTheContractsPermissions() {
        holds(() -> product("commerce/orders").findElement(By.cssSelector("details[data-section='records'] summary")).click());
        holds(() -> assertThat(product("commerce/orders").findElement(By.cssSelector(".denied")).getText()).contains("401"));

        WebElement token = browser.findElement(By.id("token"));
        token.sendKeys(mesh.token().token());
        browser.executeScript("arguments[0].dispatchEvent(new Event('change'))", token);
        // The open panel reloads its records with every refresh of the page, now with the token.
        holds(() -> assertThat(product("commerce/orders").findElement(By.cssSelector("pre.records")).getText())
                .contains("orderId"));
    }

    @Test
    @Order(4)
    void aProductWhoseContractIsOnlyInItsOwnArtifactAppearsInTheCatalogAndOnThePortal() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, mesh.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(ShipmentsProduct.SCANS, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (ProductRuntime shipments = ProductRuntime.start(new ShipmentsProduct(), ShipmentsProduct.contract(),
                ProductConfig.of(mesh.bootstrapServers()).withHttpHost("127.0.0.1").withHttpPort(0)
                        .withStateDir(dataDir.resolve("shipments")))) {
            CommandRun catalog = CommandRun.mesh("catalog", "--bootstrap-servers", mesh.bootstrapServers());
            assertThat(catalog.exit()).as(catalog.err()).isZero();
            assertThat(catalog.out()).contains("\"product\" : \"logistics/shipments\"", "\"owner\" : \"logistics-data-team\"",
                    "\"product\" : \"commerce/orders\"");

            holds(() -> {
                WebElement card = product("logistics/shipments");
                assertThat(card.findElement(By.cssSelector(".version")).getText()).isEqualTo("1.2.0");
                assertThat(card.findElement(By.cssSelector(".classification")).getText()).isEqualTo("public");
                assertThat(card.findElement(By.cssSelector(".state")).getText()).isEqualTo("RUNNING");
                assertThat(browser.findElements(By.cssSelector("#lineage-svg g.node[data-id='logistics/shipments']")))
                        .hasSize(1);
            });
        }
    }

    private static List<WebElement> products() {
        return browser.findElements(By.cssSelector("article.product"));
    }

    private static WebElement product(String id) {
        return browser.findElement(By.cssSelector("article.product[data-product='" + id + "']"));
    }

    /**
     * Waits, at most {@link #PATIENCE}, until {@code check} passes on the page as rendered. The page re-renders every
     * few seconds, so a check that meets an element replaced under it, or a state not reached yet, runs again.
     */
    private static void holds(Runnable check) {
        new WebDriverWait(browser, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .ignoring(AssertionError.class)
                .until(page -> {
                    check.run();
                    return true;
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
