package io.archlint.maven.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archlint.engine.AnalysisResult;
import io.archlint.engine.Finding;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report in a real browser: headless Chromium from the distribution's packages, driven
 * by Selenium. Asserts on the DOM after the page's own script ran, never on pixels.
 *
 * <p>Skipped when Chromium or its driver is missing (a developer's machine); CI installs both.
 * {@code -Darchlint.requireBrowser=true} turns the skip into a failure. {@code -Darchlint.chromium}
 * and {@code -Darchlint.chromedriver} point elsewhere; nothing is ever downloaded.
 */
class HtmlReportBrowserTest {

    private static final String CHROMIUM = System.getProperty("archlint.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("archlint.chromedriver", "/usr/bin/chromedriver");

    private static final String HOSTILE = "</script><script>window.__pwned=1</script>";
    private static final String CONTROLLER = "src/main/java/com/acme/web/OrderController.java";
    private static final String HOSTILE_FILE = "src/main/java/com/acme/Templates.java";

    // Selenium warns that it has no DevTools bindings for this Chromium; the test uses none.
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    @TempDir
    static Path module;

    private static Path target;
    private static Path page;
    private static ChromeDriverService service;
    private static ChromeDriver browser;

    @BeforeAll
    static void openTheReportInChromium() throws IOException, URISyntaxException {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String missing = "Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                + "); on Debian/Ubuntu: apt-get install chromium chromium-driver";
        if (Boolean.getBoolean("archlint.requireBrowser")) {
            // CI sets this, so the test cannot silently stop running there.
            assertThat(installed).as(missing).isTrue();
        }
        assumeTrue(installed, missing);
        // target/test-classes -> target
        target = Path.of(HtmlReportBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();

        write(CONTROLLER, "package com.acme.web;", "", "class OrderController {",
                "    private final OrderRepository orders;", "",
                "    OrderController(OrderRepository orders) {", "        this.orders = orders;", "    }",
                "", "    void cancel(long id) {", "        try {", "            orders.delete(id);",
                "        } catch (RuntimeException e) {", "            e.printStackTrace();", "        }", "    }",
                "}");
        write(HOSTILE_FILE, "package com.acme;", "", "class Templates {",
                "    // " + HOSTILE,
                "    static final String FOOTER = \"" + HOSTILE.replace("\"", "\\\"") + "\";", "",
                "    void render(Exception e) {", "        e.printStackTrace();", "    }", "}");

        List<Finding> findings = List.of(
                finding("controller-data-access", Severity.ERROR, CONTROLLER, 4, "`OrderController` injects `OrderRepository`"),
                finding("controller-data-access", Severity.ERROR, CONTROLLER, 12, "`OrderController` calls `OrderRepository.delete`"),
                finding("print-stack-trace", Severity.WARNING, CONTROLLER, 14, "printStackTrace() instead of a logger"),
                finding("print-stack-trace", Severity.WARNING, HOSTILE_FILE, 5, "`" + HOSTILE + "` is printed"),
                finding("print-stack-trace", Severity.WARNING, HOSTILE_FILE, 8, "printStackTrace() instead of a logger")
                        .withStatus(Finding.Status.BASELINE));
        AnalysisResult result = new AnalysisResult(
                RuleRegistry.builtIn().stream().map(r -> r.definition()).toList(), findings, List.of());
        String html = new HtmlReport(module).render(new Report(new ModuleInfo("com.acme", "orders", "1.0"), result,
                Severity.ERROR, "1.0", Instant.parse("2026-01-02T03:04:05Z")));
        page = target.resolve("archlint-browser").resolve(HtmlReport.FILE_NAME);
        Files.createDirectories(page.getParent());
        Files.writeString(page, html, StandardCharsets.UTF_8);

        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        // The driver and the browser are given: Selenium Manager has nothing to resolve or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withLogFile(target.resolve("archlint-browser/chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1800",
                "--user-data-dir=" + Files.createTempDirectory(target, "chromium-profile-"));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void loadThePage() {
        browser.get(page.toUri().toString());
    }

    @Test
    void showsTheTotalsAndOneRowPerFinding() {
        assertThat(browser.getTitle()).isEqualTo("Archlint report: orders");
        assertThat(card("total")).isEqualTo("5");
        assertThat(card("error")).isEqualTo("2");
        assertThat(card("warning")).isEqualTo("3");
        assertThat(card("info")).isEqualTo("0");
        assertThat(card("new")).isEqualTo("4");
        assertThat(card("baseline")).isEqualTo("1");
        assertThat(visibleRows()).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("svg#chart-rule rect.bar"))).hasSize(2);
    }

    @Test
    void filtersTheFindingsByRule() {
        new Select(browser.findElement(By.id("f-rule"))).selectByValue("controller-data-access");

        assertThat(visibleRows()).hasSize(2)
                .allSatisfy(row -> assertThat(row.getDomAttribute("data-rule")).isEqualTo("controller-data-access"));

        new Select(browser.findElement(By.id("f-rule"))).selectByValue("print-stack-trace");

        assertThat(visibleRows()).hasSize(3)
                .allSatisfy(row -> assertThat(row.getDomAttribute("data-rule")).isEqualTo("print-stack-trace"));
    }

    @Test
    void expandsAFindingToItsCodeAndRuleDocumentation() throws IOException {
        WebElement row = rowAt(HOSTILE_FILE + ":[5,1]");
        WebElement hit = row.findElement(By.cssSelector("pre.snippet .hit"));
        assertThat(hit.isDisplayed()).isFalse();

        row.findElement(By.cssSelector("details.more > summary")).click();

        assertThat(hit.isDisplayed()).isTrue();
        assertThat(hit.getDomAttribute("data-line")).isEqualTo("5");
        assertThat(row.findElements(By.cssSelector("pre.snippet span[data-line]")))
                .extracting(line -> line.getDomAttribute("data-line")).containsExactly("3", "4", "5", "6", "7");
        WebElement doc = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> row.findElements(By.cssSelector(".doc-slot .md")).stream().findFirst().orElse(null));
        assertThat(doc.isDisplayed()).isTrue();
        assertThat(doc.findElements(By.tagName("h3"))).extracting(WebElement::getText)
                .contains("Why this is a problem");

        // For people to look at: the filters, the table and the expanded finding.
        browser.executeScript("document.querySelector('.filters').scrollIntoView({block:'start'})");
        Files.write(target.resolve("archlint-report.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void runsNoScriptFromTheAnalysedCodeAndShowsItAsText() {
        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(js.executeScript("return document.scripts.length")).isEqualTo(1L);

        WebElement row = rowAt(HOSTILE_FILE + ":[5,1]");
        assertThat(row.findElement(By.cssSelector(".msg")).getText()).isEqualTo("`" + HOSTILE + "` is printed");
        row.findElement(By.cssSelector("details.more > summary")).click();
        List<String> lines = row.findElements(By.cssSelector("pre.snippet span[data-line]")).stream()
                .map(WebElement::getText).toList();
        assertThat(lines).contains("4    // " + HOSTILE,
                "5    static final String FOOTER = \"" + HOSTILE + "\";");
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
    }

    private static String card(String id) {
        return browser.findElement(By.cssSelector("#card-" + id + " b")).getText();
    }

    private static List<WebElement> visibleRows() {
        return browser.findElements(By.cssSelector("#findings tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    private static WebElement rowAt(String location) {
        return browser.findElements(By.cssSelector("#findings tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td:nth-child(4) code")).getText().equals(location))
                .findFirst().orElseThrow(() -> new AssertionError("no finding at " + location));
    }

    private static Finding finding(String ruleId, Severity severity, String file, int line, String message) {
        return new Finding(ruleId, severity, message, file, line, 1, "com.acme.X", ruleId + file + line,
                Finding.Status.NEW);
    }

    private static void write(String file, String... lines) throws IOException {
        Path path = module.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
