package io.sxs.app.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sxs.app.support.BrokerAndSandboxes;
import io.sxs.app.support.ControlClient;
import io.sxs.app.support.Pipelines;
import io.sxs.app.support.Seeds;
import io.sxs.sandbox.scoro.ScoroCompany;
import io.sxs.sandbox.xero.XeroTenant;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The status page in a real browser (headless Debian Chromium through chromedriver) against the real app: a person
 * gives the operator token (a wrong one is refused), sees the connection with its state and error count, opens it and
 * sees the standing error, and follows it to the record's history. Skipped where no Chromium is installed.
 */
class StatusPageTest extends BrokerAndSandboxes {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void aPersonSeesConnectionsAConnectionsErrorsAndARecordsHistory() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver packages");
        ScoroCompany company = scoro.createCompany("Page Scoro");
        XeroTenant tenant = xero.createTenant("Page Ltd");
        xero.periodLockDate(tenant.tenantId(), LocalDate.parse("2026-11-30"));
        Seeds.scoroInvoice(scoro, company, "PG-1", "Page Client");
        ConfigurableApplicationContext app = Pipelines.start(broker.bootstrapServers(), KEY,
                Files.createTempDirectory("sxs-page-"), Map.of());
        WebDriver browser = null;
        try {
            ControlClient api = ControlClient.of(app);
            Seeds.connect(broker.bootstrapServers(), CIPHER, "page", scoro, company, xero, tenant, Direction.TO_XERO,
                    ContactMode.WITH_DOCUMENTS, 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/errors?connection=page").size() == 1);

            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("sxs-chromium-"));
            browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(api.base() + "/");

            // The token: a wrong one is refused, the operator's opens the page.
            wait.until(d -> d.findElement(By.id("token")).isDisplayed());
            browser.findElement(By.id("token")).sendKeys("wrong-token-of-some-length");
            browser.findElement(By.cssSelector("#login-form button")).click();
            wait.until(d -> d.findElement(By.id("login-error")).getText().contains("refused"));
            browser.findElement(By.id("token")).clear();
            browser.findElement(By.id("token")).sendKeys(Pipelines.OPERATOR_TOKEN);
            browser.findElement(By.cssSelector("#login-form button")).click();

            // The list: the connection, its state and its one error.
            wait.until(d -> !d.findElements(By.cssSelector("tr[data-id='page']")).isEmpty());
            wait.until(d -> d.findElement(By.cssSelector("tr[data-id='page'] [data-state]")).getText().equals("ACTIVE"));
            String row = browser.findElement(By.cssSelector("tr[data-id='page']")).getText();
            assertThat(row).contains("page", "ACTIVE", "AUTOMATIC", "TO_XERO");
            wait.until(d -> d.findElement(By.cssSelector("tr[data-id='page'] td:nth-child(6)")).getText().equals("1"));
            assertThat(browser.findElement(By.cssSelector("tr[data-id='page'] td.lag")).getText()).matches("\\d+(\\.\\d)?s");
            wait.until(d -> d.findElement(By.id("health")).getText().equals("health UP"));

            // The connection: its error, with the reason Xero gave.
            browser.findElement(By.cssSelector("tr[data-id='page']")).click();
            wait.until(d -> d.findElement(By.id("errors-title")).getText().equals("Errors (1)"));
            String error = browser.findElement(By.cssSelector("tr.error-row")).getText();
            assertThat(error).contains("INVOICE", "SCORO", "BLOCKED", "period lock date");
            assertThat(browser.findElement(By.cssSelector("#view dl")).getText()).contains("INVOICE TO_XERO", "WITH_DOCUMENTS");
            assertThat(browser.findElement(By.id("lag")).getText()).contains("writes in flight", "waiting for a dependency");

            // The record's history, from the error.
            browser.findElement(By.cssSelector("a.history-link")).click();
            wait.until(d -> d.findElement(By.cssSelector("#view h2")).getText().startsWith("History of invoice"));
            wait.until(d -> d.findElements(By.cssSelector("tr.step")).size() >= 4);
            String steps = browser.findElement(By.cssSelector("#view table")).getText();
            assertThat(steps).contains("READ", "SCORO", "POLL", "COMMAND", "CREATE", "BLOCKED");
            assertThat(browser.getPageSource()).doesNotContain(company.apiKey()).doesNotContain(Pipelines.OPERATOR_TOKEN);
        } finally {
            if (browser != null) {
                browser.quit();
            }
            app.close();
        }
    }
}
