package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.web.WebServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in and out in a real browser, over an archive with accounts: the pages send a visitor
 * without a session to 登录 and back, show who is signed in with 退出, an admin reads the 审计日志,
 * and a viewer's pages hold only its unit. Screenshots go to target/screenshots/.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private Application app;
    private WebServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private String ownId;
    private String otherId;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        String missing = Chromium.missing();
        if (missing != null) {
            System.out.println("[LoginBrowserTest] 跳过浏览器测试：" + missing);
        }
        Assumptions.assumeTrue(missing == null, "browser tests skipped: " + missing);
        Files.createDirectories(SHOTS);
        app = Application.open(dataDir, ExtractionLimits.defaults());
        ownId = importSample("linjiang-czj-2022.docx");
        otherId = importSample("yunxi-dw-2023.pdf");
        app.auth().accounts().add("zhangwei", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        app.auth().accounts().add("liming", Role.VIEWER, List.of("临江县财政局"), "viewer-password-1".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port() + "/";
        driver = Chromium.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    private String importSample(String name) throws IOException {
        return app.archive().importFile(name, Files.readAllBytes(Path.of("sample-docs", name)), ImportMetadata.NONE).id();
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aPageWithoutSessionLeadsToLoginAndBackAfterIt() {
        driver.get(base + "browse.html?unit=" + enc("云溪镇"));
        wait.until(d -> d.getCurrentUrl().contains("login.html"));
        // the page to come back to, with its own (encoded) query
        assertTrue(URLDecoder.decode(decodedUrl(), StandardCharsets.UTF_8).contains("next=browse.html?unit=云溪镇"),
                decodedUrl());
        assertEquals("登录 — 对照检查材料档案库", driver.getTitle());

        signIn("zhangwei", "not-the-password");
        WebElement error = wait.until(d -> d.findElement(By.cssSelector("#status .error")));
        assertEquals("用户名或密码不正确。", error.getText());
        assertTrue(driver.getCurrentUrl().contains("login.html"));
        screenshot("login-failed");

        signIn("zhangwei", "admin-password-1");
        wait.until(d -> d.getCurrentUrl().startsWith(base + "browse.html"));
        assertTrue(decodedUrl().contains("unit=云溪镇"), decodedUrl());
        WebElement user = wait.until(d -> d.findElement(By.id("user-name")));
        assertEquals("zhangwei", user.getText());
        assertTrue(driver.findElement(By.id("logout")).getText().contains("退出"));
        wait.until(d -> !d.findElements(By.cssSelector("nav a[data-nav=audit]")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("nav a[data-nav=upload]")).isEmpty());
        screenshot("signed-in");
    }

    @Test
    @Order(2)
    void theAdminSeesTheSearchAndTheLoginsInTheAuditLog() {
        driver.get(base + "index.html?q=" + enc("八项规定"));
        wait.until(d -> !d.findElements(By.cssSelector("#hits li.hit")).isEmpty());

        driver.findElement(By.cssSelector("nav a[data-nav=audit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#audit-table tbody tr")).isEmpty());
        List<String> actions = driver.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-action")).toList();
        assertTrue(actions.containsAll(List.of("search", "login", "login-failed")), actions.toString());
        WebElement searchRow = driver.findElement(By.cssSelector("#audit-table tbody tr[data-action=search]"));
        assertTrue(searchRow.getText().contains("检索式：八项规定"), searchRow.getText());
        assertTrue(searchRow.getText().contains("zhangwei"), searchRow.getText());
        assertTrue(searchRow.getText().contains("127.0.0.1"), searchRow.getText());
        screenshot("audit");

        new Select(driver.findElement(By.id("f-action"))).selectByValue("login-failed");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(d -> decodedUrl().contains("action=login-failed"));
        wait.until(d -> !d.findElements(By.cssSelector("#audit-table tbody tr")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .allMatch(r -> "login-failed".equals(r.getDomAttribute("data-action"))));
        assertTrue(driver.findElement(By.id("export")).getDomAttribute("href").contains("action=login-failed"));
    }

    @Test
    @Order(3)
    void logoutEndsTheSession() {
        driver.get(base + "index.html");
        wait.until(d -> d.findElement(By.id("logout"))).click();
        wait.until(d -> d.getCurrentUrl().contains("login.html"));
        driver.get(base + "browse.html");
        wait.until(d -> d.getCurrentUrl().contains("login.html?next=browse.html"));
    }

    @Test
    @Order(4)
    void aViewerSeesItsUnitOnlyAndNoImportOrAudit() {
        driver.get(base + "login.html?next=browse.html");
        signIn("liming", "viewer-password-1");
        wait.until(d -> d.getCurrentUrl().endsWith("browse.html"));
        wait.until(d -> d.findElements(By.cssSelector("#reports tbody tr")).size() == 1);
        assertTrue(driver.findElement(By.cssSelector("#reports tbody tr")).getText().contains("临江县财政局"));
        wait.until(d -> !d.findElements(By.id("user-name")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("nav a[data-nav=upload]")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("nav a[data-nav=audit]")).isEmpty());
        screenshot("viewer-browse");

        driver.get(base + "report.html?id=" + otherId);
        WebElement error = wait.until(d -> d.findElement(By.cssSelector(".error")));
        assertTrue(error.getText().contains("找不到"), error.getText());
        driver.get(base + "report.html?id=" + ownId);
        wait.until(d -> !d.findElements(By.id("download")).isEmpty());

        driver.get(base + "audit.html");
        WebElement refused = wait.until(d -> d.findElement(By.cssSelector("#audit-body .error")));
        assertTrue(refused.getText().contains("无权"), refused.getText());
    }

    @Test
    @Order(5)
    void aNextParameterNeverLeadsOffTheSite() {
        driver.get(base + "login.html?next=" + enc("https://evil.example/"));
        signIn("liming", "viewer-password-1");
        wait.until(d -> d.getCurrentUrl().startsWith(base + "index.html"));
    }

    private void signIn(String user, String password) {
        WebElement name = wait.until(d -> d.findElement(By.id("username")));
        name.clear();
        name.sendKeys(user);
        WebElement pw = driver.findElement(By.id("password"));
        pw.clear();
        pw.sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    private String decodedUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void screenshot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
