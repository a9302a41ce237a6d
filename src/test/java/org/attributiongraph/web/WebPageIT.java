package org.attributiongraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.attributiongraph.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page at {@code /} in a real headless Chromium (Debian's chromium and chromedriver), against
 * the whole application with the curated data. Skipped where the browser is not installed;
 * {@code .ci/run} installs it.
 */
class WebPageIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;

    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipping the browser test: " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing (apt-get install chromium chromium-driver; .ci/run does it)");
        // Both paths given: Selenium Manager neither runs nor downloads anything.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("attribution-graph-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1440,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void openPage() {
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("about:blank");
        driver.get(uri("/").toString());
        wait.until(d -> js("return typeof window.cy === 'object' && window.cy !== null"));
    }

    /** The page must not throw: any script error in the console fails the test. */
    @AfterEach
    void noScriptErrors() {
        if (driver == null) {
            return;
        }
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // An error answer of the API is logged by the browser; the page shows it (test 3).
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
        assertThat(errors).as("script errors in the browser console").isEmpty();
    }

    @Test
    void apt10ChainsAreDrawnWithTheirEvidence() throws IOException {
        pick("APT10", "ThreatGroup", "APT10");
        wait.until(d -> nodeLabels().contains("People's Republic of China"));

        assertThat(nodeLabels()).contains("APT10", "Ministry of State Security", "People's Republic of China",
                "Zhu Hua", "Huaying Haitai Science and Technology Development Company");
        var confidences = driver.findElements(By.cssSelector("#chains .path-confidence"));
        assertThat(confidences).isNotEmpty();
        assertThat(confidences.getFirst().getText()).isEqualTo("0.855");
        assertThat(driver.findElement(By.id("chains")).getText()).contains("Path confidence 0.855");

        clickEdge("EMPLOYED_BY");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#sources"), "EMPLOYED_BY"));
        var kinds = driver.findElements(By.cssSelector("#sources .kind")).stream().map(WebElement::getText).toList();
        assertThat(kinds).contains("indictment");
        var links = driver.findElements(By.cssSelector("#sources .source a"));
        assertThat(links).isNotEmpty().allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("http"));

        // "Export this view" asks for exactly these chains; the server gives a bundle that holds them.
        assertThat(driver.findElement(By.id("export")).isDisplayed()).isTrue();
        String path = (String) js("return window.exportPath('stix')");
        assertThat(path).startsWith("/api/export/chain?from=");
        var bundle = get(path);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body().toString()).contains("Ministry of State Security", "Huaying Haitai");
        screenshot("apt10-chains.png");
    }

    @Test
    void blastRadiusOfHpeShowsItsClients() throws IOException {
        String hpe = idOf("Organization", "Hewlett Packard Enterprise");
        var expected = get("/api/msps/" + URLEncoder.encode(hpe, StandardCharsets.UTF_8) + "/blast-radius?depth=2");
        assertThat(expected.status()).as("GET /api/msps/{id}/blast-radius answers " + expected.body()).isEqualTo(200);
        long clientCount = expected.body().get("clientCount").asLong();

        pick("Hewlett Packard Enterprise", "Organization", "Hewlett Packard Enterprise");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("show-blast-radius"))).click();
        wait.until(ExpectedConditions.textMatches(By.id("client-count"), java.util.regex.Pattern.compile("\\d+")));

        assertThat(driver.findElement(By.id("client-count")).getText()).isEqualTo(Long.toString(clientCount));
        wait.until(d -> nodeLabels().contains("Ericsson"));
        assertThat(nodeLabels()).contains("Hewlett Packard Enterprise", "Ericsson");
        assertThat(driver.findElements(By.cssSelector("#by-country tbody tr"))).isNotEmpty();
        String path = (String) js("return window.exportPath('cytoscape')");
        assertThat(path).startsWith("/api/export/blast-radius?msp=");
        assertThat(get(path).body().toString()).contains("Ericsson");
        screenshot("hpe-blast-radius.png");
    }

    @Test
    void emptyStatesAndErrorsAreShown() {
        type("zzqx nothing matches this");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), "No match"));

        pick("Hewlett Packard Enterprise", "Organization", "Hewlett Packard Enterprise");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chains"), "No chains to a state found"));

        String unknown = "intrusion-set--00000000-0000-0000-0000-000000000000";
        driver.get(uri("/#chains=" + unknown).toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No entity with id " + unknown));
        assertThat(driver.findElement(By.id("status")).getAttribute("class")).isEqualTo("error");
    }

    @Test
    void anonymouslyOnlyClearDataShowsAndAKeyShowsMore() {
        assertThat(post("/api/imports?format=case", "application/json", org.attributiongraph.Fixtures.fixture("access/levels.case.json"))
                .status()).isEqualTo(201);
        By results = By.id("search-results");
        type("Accfix");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(results, "Accfix Clear Group"));
        assertThat(driver.findElement(results).getText()).doesNotContain("Accfix Amber Ministry").doesNotContain("Accfix Green Bureau");

        WebElement key = driver.findElement(By.id("api-key"));
        key.sendKeys(ANALYST_KEY, Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(results, "Accfix Amber Ministry"));
        assertThat(driver.findElement(results).getText()).contains("Accfix Green Bureau").doesNotContain("Accfix Red Officer");

        key.clear();
        key.sendKeys("not-a-key", Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "The API key was not accepted (HTTP 401)"));
        assertThat(driver.findElement(By.id("status")).getAttribute("class")).isEqualTo("error");
    }

    private void type(String text) {
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(text);
    }

    /** Types into the search box and clicks the result with this name and type. */
    private void pick(String text, String type, String name) {
        type(text);
        By result = By.xpath("//ul[@id='search-results']//button[@data-type='" + type + "'][span[@class='name' and .=\""
                + name + "\"]]");
        wait.until(ExpectedConditions.elementToBeClickable(result)).click();
    }

    @SuppressWarnings("unchecked")
    private List<String> nodeLabels() {
        return (List<String>) js("return window.cy.nodes().map(n => n.data('label'))");
    }

    /** A real mouse click on the middle of the first edge with this relation, where its label sits. */
    @SuppressWarnings("unchecked")
    private void clickEdge(String relation) {
        var at = (List<Number>) js("const e = window.cy.edges('[relation = \"" + relation + "\"]')[0];"
                + "const p = e.renderedMidpoint(); const c = window.cy.container();"
                + "return [p.x - c.clientWidth / 2, p.y - c.clientHeight / 2];");
        new Actions(driver).moveToElement(driver.findElement(By.id("graph")), (int) Math.round(at.get(0).doubleValue()),
                (int) Math.round(at.get(1).doubleValue())).click().perform();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
