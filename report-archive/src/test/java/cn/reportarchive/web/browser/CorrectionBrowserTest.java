package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.parse.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person sees of the machine's doubts and does about them, in headless Chromium over a
 * small archive: every warning on the report page under a 待核对 mark, 浏览 narrowed to the reports
 * with warnings, the 更正 form (a corrected year shown beside what the file said), the 待核对 queue
 * fixed in place, 删除 after a confirmation that names the report, and the buttons by role. The tests
 * run in order over one archive; the last one creates accounts.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrectionBrowserTest {
    /** A team report that says no year anywhere (title, header or preface): it must reach the queue. */
    static final String NO_YEAR = """
            中共东岭县水利局党组
            东岭县水利局党组领导班子民主生活会对照检查材料

            根据县纪委、县委组织部关于开好民主生活会的通知要求，局党组班子成员认真学习，广泛征求意见，深入查摆问题，现将对照检查情况报告如下。

            一、存在的问题
            （一）在理论学习方面
            1.学习计划落实不到位，集中学习时有以会代学的情况。
            2.联系水利工作实际不够，学用脱节，指导河道治理的成效不明显。
            （二）在担当作为方面
            1.农村饮水安全工程推进迟缓，部分村组供水不稳定。
            二、问题产生的原因
            （一）理想信念有所松懈
            对加强党性修养重视不够，满足于完成上级交办的任务。
            三、整改措施
            （一）在理论学习方面
            1.严格执行党组理论学习中心组学习制度，每月至少集中学习一次。
            2.开展河湖长制专题调研，形成调研报告两篇。
            """;

    /** The report deleted by the test; its phrase 防汛物资台账 occurs nowhere else. */
    static final String TO_DELETE = """
            中共北湖乡委员会
            北湖乡党委领导班子2023年度民主生活会对照检查材料

            按照县委关于召开2023年度民主生活会的部署，乡党委班子深入开展谈心谈话，现对照检查如下。

            一、存在的问题
            （一）在担当作为方面
            1.防汛物资台账登记不全，部分村仓储物资底数不清。
            2.汛前隐患排查走过场，山塘水库巡查记录缺失。
            二、整改措施
            （一）在担当作为方面
            1.年底前完成全乡防汛物资清点造册，逐村核对入账。
            """;

    private Site site;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private String financeId;
    private String noYearId;
    private String deleteId;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Browser.assumeAvailable("CorrectionBrowserTest");
        Application app = Application.open(dataDir, ExtractionLimits.defaults());
        financeId = app.archive().importFile("linjiang-czj-2022.docx",
                Files.readAllBytes(SampleSite.SAMPLES.resolve("linjiang-czj-2022.docx")), ImportMetadata.NONE).id();
        noYearId = importText(app, "东岭县水利局.txt", NO_YEAR);
        deleteId = importText(app, "北湖乡2023.txt", TO_DELETE);
        site = Site.start(app);
        base = site.base;
        driver = site.browser.driver;
        wait = site.browser.wait;
    }

    private static String importText(Application app, String name, String text) {
        return app.archive().importFile(name, text.getBytes(StandardCharsets.UTF_8), ImportMetadata.NONE).id();
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void reportPageShowsEveryWarningUnderAReviewMark() throws Exception {
        Report stored = site.app.archive().get(noYearId).orElseThrow();
        assertFalse(stored.warnings().isEmpty(), "the fixture must carry a warning: " + stored);
        openReport(noYearId);
        WebElement box = driver.findElement(By.cssSelector("#report .warnings"));
        assertEquals("待核对", box.findElement(By.cssSelector(".review-mark")).getText());
        List<WebElement> shown = box.findElements(By.cssSelector("li"));
        assertEquals(stored.warnings().size(), shown.size(), "one line per warning");
        WebElement noYear = box.findElement(By.cssSelector("li[data-code=no-year]"));
        assertTrue(noYear.getText().startsWith("未识别出年度"), noYear.getText());
        assertEquals("未注明", fact("年度").getText());
        site.browser.screenshot("report-warnings");

        openReport(financeId);
        assertTrue(driver.findElements(By.cssSelector("#report .warnings")).isEmpty(), "a clean report has no mark");
        assertTrue(driver.findElements(By.cssSelector("#report .ocr-mark")).isEmpty(), "typed text is not marked as a scan");
    }

    @Test
    @Order(2)
    void browseCanShowOnlyTheReportsWithWarnings() {
        driver.get(base + "browse.html");
        wait.until(d -> d.findElements(By.cssSelector("#reports tbody tr")).size() == 3);
        assertEquals(1, driver.findElements(By.cssSelector("#reports tbody tr .review-mark")).size());
        driver.findElement(By.id("f-warn")).click();
        wait.until(d -> d.findElements(By.cssSelector("#reports tbody tr")).size() == 1);
        assertEquals(noYearId, driver.findElement(By.cssSelector("#reports tbody tr")).getDomAttribute("data-id"));
        assertTrue(site.browser.decodedUrl().contains("warn=1"), site.browser.decodedUrl());
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#reports tbody tr")).size() == 1);
        assertTrue(driver.findElement(By.id("f-warn")).isSelected(), "the toggle is kept in the URL");
    }

    @Test
    @Order(3)
    void aCorrectedYearIsShownWithWhatTheFileSaid() throws Exception {
        openReport(financeId);
        assertEquals("2022", fact("年度").getText());
        driver.findElement(By.id("correct")).click();
        WebElement form = wait.until(d -> d.findElement(By.id("correct-form")));
        WebElement year = form.findElement(By.name("year"));
        assertEquals("2022", year.getDomProperty("value"), "the form starts from the values shown");

        // an impossible year: the sentence, and nothing changed
        year.clear();
        year.sendKeys("二〇二一");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = wait.until(d -> d.findElement(By.cssSelector("#correct-form .form-message.error")));
        assertTrue(error.getText().contains("四位数字"), error.getText());
        assertEquals(2022, site.app.archive().get(financeId).orElseThrow().year());

        year.clear();
        year.sendKeys("2021");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("correct-form")));
        wait.until(d -> fact("年度").getText().startsWith("2021"));
        assertEquals("2021（更正；原文识别为 2022）", fact("年度").getText());
        site.browser.screenshot("report-corrected");

        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.cssSelector("table.facts")).isEmpty());
        assertEquals("2021（更正；原文识别为 2022）", fact("年度").getText(), "the correction is stored, not only shown");
        assertEquals(2021, site.app.archive().get(financeId).orElseThrow().year());

        // a block's aspect the taxonomy got wrong
        String was = driver.findElement(By.cssSelector("#block-problems-4 > h3 .tag.aspect")).getText();
        String wanted = "担当作为".equals(was) ? "政治素质" : "担当作为";
        driver.findElement(By.id("correct")).click();
        WebElement again = wait.until(d -> d.findElement(By.id("correct-form")));
        again.findElement(By.cssSelector("details.aspects summary")).click();
        new Select(again.findElement(By.cssSelector("select[data-ref='problems/4']"))).selectByVisibleText(wanted);
        again.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("correct-form")));
        WebElement heading = wait.until(d -> d.findElement(By.cssSelector("#block-problems-4 > h3")));
        assertEquals(wanted, heading.findElement(By.cssSelector(".tag.aspect")).getText());
        assertEquals("（更正；原文识别为 " + was + "）", heading.findElement(By.cssSelector(".corrected")).getText());
        assertEquals("2021（更正；原文识别为 2022）", fact("年度").getText(), "the earlier correction stays");
    }

    @Test
    @Order(4)
    void theReviewQueueListsAReportWithoutYearAndLetsItBeFixedInPlace() throws Exception {
        driver.get(base + "review.html");
        WebElement row = wait.until(d -> d.findElement(By.cssSelector("#queue tr[data-id='" + noYearId + "']")));
        assertTrue(driver.findElements(By.cssSelector("#queue tr[data-id='" + financeId + "']")).isEmpty(),
                "a report without warnings is not in the queue");
        assertTrue(row.findElement(By.cssSelector("td.warn")).getText().contains("未识别出年度"));
        site.browser.screenshot("review");

        WebElement year = row.findElement(By.name("year"));
        year.sendKeys("2024");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queue tr[data-id='" + noYearId + "']")).isEmpty()
                && !d.findElements(By.cssSelector("#flash .flash")).isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#flash")).getText().contains("移出待核对"));

        Report fixed = site.app.archive().get(noYearId).orElseThrow();
        assertEquals(2024, fixed.year());
        assertTrue(fixed.warnings().isEmpty(), fixed.warnings().toString());
        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.cssSelector("#review-body .notice")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("tr[data-id='" + noYearId + "']")).isEmpty(), "out of the queue for good");
    }

    @Test
    @Order(5)
    void deleteAsksNamingTheReportAndTakesItOutOfBrowseAndSearch() throws Exception {
        driver.get(base + "index.html?q=" + SampleSite.enc("防汛物资台账"));
        wait.until(d -> !d.findElements(By.cssSelector("#hits li.hit[data-report='" + deleteId + "']")).isEmpty());

        openReport(deleteId);
        driver.findElement(By.id("delete")).click();
        Alert ask = wait.until(ExpectedConditions.alertIsPresent());
        String question = ask.getText();
        assertTrue(question.contains("北湖乡党委领导班子2023年度民主生活会对照检查材料"), question);
        assertTrue(question.contains("北湖乡") && question.contains("2023年"), question);
        ask.dismiss();
        assertTrue(site.app.archive().get(deleteId).isPresent(), "nothing is deleted without a yes");

        driver.findElement(By.id("delete")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.getCurrentUrl().startsWith(base + "browse.html"));
        WebElement flash = wait.until(d -> d.findElement(By.id("flash")));
        assertTrue(flash.getText().contains("已删除"), flash.getText());
        wait.until(d -> !d.findElements(By.cssSelector("#reports tbody tr")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#reports tr[data-id='" + deleteId + "']")).isEmpty());
        assertTrue(site.app.archive().get(deleteId).isEmpty());

        driver.get(base + "index.html?q=" + SampleSite.enc("防汛物资台账"));
        wait.until(d -> !d.findElements(By.cssSelector(".results .notice")).isEmpty()
                || !d.findElements(By.cssSelector("#hits li.hit")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#hits li.hit[data-report='" + deleteId + "']")).isEmpty(),
                "the deleted report is no longer found");
    }

    @Test
    @Order(6)
    void anInspectorMayCorrectButNotDeleteAndAViewerNeither() throws Exception {
        site.app.auth().accounts().add("wangfang", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        site.app.auth().accounts().add("zhaolei", Role.INSPECTOR, List.of(), "inspector-password-1".toCharArray());
        site.app.auth().accounts().add("sunli", Role.VIEWER, List.of(SampleSite.FINANCE), "viewer-password-1".toCharArray());
        driver.manage().deleteAllCookies();
        driver.get(base + "login.html?next=" + SampleSite.enc("report.html?id=" + financeId));
        signIn("zhaolei", "inspector-password-1");
        wait.until(d -> !d.findElements(By.id("correct")).isEmpty());
        assertTrue(driver.findElements(By.id("delete")).isEmpty(), "删除 is for admins");
        WebElement nav = driver.findElement(By.cssSelector(".topbar nav"));
        assertFalse(nav.findElements(By.cssSelector("a[data-nav=review]")).isEmpty());
        assertFalse(nav.findElements(By.cssSelector("a[data-nav=units]")).isEmpty());
        assertTrue(nav.findElements(By.cssSelector("a[data-nav=users]")).isEmpty(), "用户 is for admins");

        driver.findElement(By.id("logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("login.html"));
        driver.get(base + "login.html?next=" + SampleSite.enc("report.html?id=" + financeId));
        signIn("wangfang", "admin-password-1");
        wait.until(d -> !d.findElements(By.id("delete")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector(".topbar nav a[data-nav=users]")).isEmpty());

        driver.findElement(By.id("logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("login.html"));
        driver.get(base + "login.html?next=" + SampleSite.enc("report.html?id=" + financeId));
        signIn("sunli", "viewer-password-1");
        wait.until(d -> !d.findElements(By.id("download")).isEmpty() && !d.findElements(By.id("user-name")).isEmpty());
        assertTrue(driver.findElements(By.id("correct")).isEmpty() && driver.findElements(By.id("delete")).isEmpty(),
                "a viewer changes nothing");
        for (String page : List.of("review", "units", "users")) {
            assertTrue(driver.findElements(By.cssSelector(".topbar nav a[data-nav=" + page + "]")).isEmpty(), page);
        }
    }

    // ---- helpers ----

    private void openReport(String id) {
        driver.get(base + "report.html?id=" + id);
        wait.until(d -> !d.findElements(By.id("download")).isEmpty());
    }

    /** The value cell of a row of the report's facts table. */
    private WebElement fact(String label) {
        return driver.findElements(By.cssSelector("table.facts tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + label)).findElement(By.tagName("td"));
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
}
