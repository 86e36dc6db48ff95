package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.Account;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.web.WebServer;
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
 * The 用户 page in a real browser: an admin creates a viewer, changes its role, resets its password,
 * disables and removes it; a weak password gets the rule's sentence. Also the print stamp of the
 * report page (内部资料·注意保存, the user, the time). Screenshots go to target/screenshots/.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private Application app;
    private WebServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private String reportId;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        String missing = Chromium.missing();
        Assumptions.assumeTrue(missing == null, "browser tests skipped: " + missing);
        Files.createDirectories(SHOTS);
        app = Application.open(dataDir, ExtractionLimits.defaults());
        reportId = app.archive().importFile("yunxi-dw-2022.txt", Files.readAllBytes(Path.of("sample-docs", "yunxi-dw-2022.txt")),
                ImportMetadata.NONE).id();
        app.auth().accounts().add("zhangwei", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port() + "/";
        driver = Chromium.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        driver.get(base + "login.html");
        driver.findElement(By.id("username")).sendKeys("zhangwei");
        driver.findElement(By.id("password")).sendKeys("admin-password-1");
        driver.findElement(By.id("login")).click();
        wait.until(d -> !d.getCurrentUrl().contains("login.html"));
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

    private WebElement row(String name) {
        return wait.until(d -> d.findElement(By.cssSelector("#users-table tr[data-user='" + name + "']")));
    }

    private String status() {
        return wait.until(d -> d.findElement(By.cssSelector("#status p"))).getText();
    }

    @Test
    @Order(1)
    void anAdminCreatesChangesResetsDisablesAndRemovesAnAccount() throws Exception {
        driver.get(base + "index.html");
        wait.until(d -> !d.findElements(By.cssSelector("nav a[data-nav=users]")).isEmpty());
        driver.findElement(By.cssSelector("nav a[data-nav=users]")).click();
        row("zhangwei");
        assertTrue(driver.findElement(By.id("policy-text")).getText().contains("至少 8 个字符"));

        driver.findElement(By.id("new-name")).sendKeys("liming");
        new Select(driver.findElement(By.id("new-role"))).selectByValue("viewer");
        driver.findElement(By.id("new-units")).sendKeys("云溪镇");
        driver.findElement(By.id("new-password")).sendKeys("onlyletters");
        driver.findElement(By.id("add-submit")).click();
        wait.until(d -> status().contains("密码须含字母、数字、符号中至少 2 种"));
        assertTrue(app.auth().accounts().find("liming").isEmpty());

        WebElement pw = driver.findElement(By.id("new-password"));
        pw.clear();
        pw.sendKeys("viewer-password-1");
        driver.findElement(By.id("add-submit")).click();
        wait.until(d -> status().contains("已新增账户 liming"));
        assertEquals(List.of("云溪镇"), app.auth().accounts().find("liming").orElseThrow().units());
        screenshot("users");

        new Select(row("liming").findElement(By.cssSelector("select.role"))).selectByValue("inspector");
        row("liming").findElement(By.cssSelector("button.save")).click();
        wait.until(d -> status().contains("已修改 liming"));
        assertEquals(Role.INSPECTOR, app.auth().accounts().find("liming").orElseThrow().role());

        row("liming").findElement(By.cssSelector("button.reset")).click();
        driver.switchTo().alert().sendKeys("another-password-2");
        driver.switchTo().alert().accept();
        wait.until(d -> status().contains("已重置 liming 的密码"));
        assertTrue(app.auth().accounts().authenticate("liming", "another-password-2".toCharArray()).isPresent());

        row("liming").findElement(By.cssSelector("button.toggle")).click();
        wait.until(d -> status().contains("已停用 liming"));
        assertTrue(app.auth().accounts().find("liming").map(Account::disabled).orElse(false));
        wait.until(d -> row("liming").findElement(By.cssSelector(".state")).getText().contains("已停用"));

        row("liming").findElement(By.cssSelector("button.remove")).click();
        assertTrue(driver.switchTo().alert().getText().contains("liming"));
        driver.switchTo().alert().accept();
        wait.until(d -> status().contains("已删除账户 liming"));
        assertTrue(app.auth().accounts().find("liming").isEmpty());

        // the last admin stays
        row("zhangwei").findElement(By.cssSelector("button.remove")).click();
        driver.switchTo().alert().accept();
        wait.until(d -> status().contains("唯一可用的管理员"));
        List<String> actions = app.auth().audit().query(cn.reportarchive.auth.AuditQuery.all()).entries().stream()
                .map(e -> e.action()).toList();
        assertTrue(actions.containsAll(List.of("user-add", "user-change", "user-passwd", "user-disable", "user-remove")), actions.toString());
    }

    @Test
    @Order(2)
    void aPrintedReportCarriesTheMarkingTheUserAndTheTime() throws Exception {
        driver.get(base + "report.html?id=" + reportId);
        WebElement stamp = wait.until(d -> d.findElement(By.id("print-stamp")));
        wait.until(d -> String.valueOf(stamp.getDomProperty("textContent")).contains("zhangwei"));
        String text = stamp.getDomProperty("textContent");
        assertTrue(text.contains("内部资料·注意保存") && text.matches(".*打印时间：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*"), text);
        assertFalse(stamp.isDisplayed(), "on screen it is not shown");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertTrue(stamp.isDisplayed(), "in print it is");
            assertEquals("fixed", stamp.getCssValue("position"));
            screenshot("report-print");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        for (String page : List.of("compare.html", "copies.html", "repeats.html", "index.html?q=%E5%AD%A6%E4%B9%A0")) {
            driver.get(base + page);
            wait.until(d -> !d.findElements(By.id("print-stamp")).isEmpty());
        }
    }

    private void screenshot(String name) throws java.io.IOException {
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
