package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Report;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * What enters the archive and under which unit, in headless Chromium: the 导入 page will not import
 * without unit and year, lets title and kind be set and says what was read; the 单位 page merges two
 * names of one unit (renamed in a 机构改革) so that the pickers show one unit, and undoes it.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeBrowserTest {
    /** The unit under its name before the 2019 机构改革. */
    static final String OLD_NAME = "西河县农业局";
    /** The same unit after it, with the rural affairs office merged in. */
    static final String NEW_NAME = "西河县农业农村局";
    /** The old name as the 2018 report writes it in its header. */
    static final String OLD_WRITTEN = "中共西河县农业局党组";

    static final String BEFORE_RENAME = """
            中共西河县农业局党组
            西河县农业局党组领导班子2018年度民主生活会对照检查材料

            按照县委办公室关于召开2018年度民主生活会的通知要求，局党组认真开展学习研讨，现对照检查如下。

            一、存在的问题
            （一）在理论学习方面
            1.学习习近平新时代中国特色社会主义思想不够深入，指导农业产业结构调整的本领不足。
            2.中心组学习形式单一，交流研讨不充分。
            二、整改措施
            （一）在理论学习方面
            1.每季度开展一次专题研讨，围绕粮食生产和耕地保护谈体会。
            """;

    static final String AFTER_RENAME = """
            中共西河县农业农村局党组
            西河县农业农村局党组领导班子2019年度民主生活会对照检查材料

            根据“不忘初心、牢记使命”主题教育的安排，局党组广泛征求意见，深入查摆问题，现对照检查如下。

            一、存在的问题
            （一）在理论学习方面
            1.中心组学习仍以读文件为主，研讨交流不够深入。
            2.运用理论指导乡村振兴工作的能力有待提高。
            二、整改措施
            （一）在理论学习方面
            1.制定年度学习计划，每月安排一次乡村振兴专题学习。
            """;

    private Site site;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private Path scratch;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path scratchDir) throws Exception {
        Browser.assumeAvailable("IntakeBrowserTest");
        scratch = scratchDir;
        Application app = Application.open(dataDir, ExtractionLimits.defaults());
        for (String text : List.of(BEFORE_RENAME, AFTER_RENAME)) {
            app.archive().importFile(text.lines().skip(1).findFirst().orElseThrow() + ".txt",
                    text.getBytes(StandardCharsets.UTF_8), ImportMetadata.NONE);
        }
        site = Site.start(app);
        base = site.base;
        driver = site.browser.driver;
        wait = site.browser.wait;
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void uploadWaitsForUnitAndYearThenSaysWhatWasRead() throws Exception {
        Path file = scratch.resolve("水利局材料.txt");
        Files.writeString(file, CorrectionBrowserTest.NO_YEAR, StandardCharsets.UTF_8);
        int before = site.app.archive().count();
        driver.get(base + "upload.html");
        driver.findElement(By.id("files")).sendKeys(file.toString());
        WebElement row = wait.until(d -> d.findElement(By.cssSelector("#rows tr[data-file='水利局材料.txt'][data-status=ready]")));
        WebElement unit = field(row, "单位");
        WebElement year = field(row, "年度");
        assertEquals("东岭县水利局", unit.getDomProperty("value"), "pre-filled from the file");
        assertEquals("", year.getDomProperty("value"), "the file says no year");
        assertTrue(year.getDomAttribute("class").contains("missing"));

        unit.clear();
        driver.findElement(By.id("start")).click();
        wait.until(d -> row.findElement(By.cssSelector(".outcome")).getText().contains("请先填写单位和年度"));
        assertEquals("ready", row.getDomAttribute("data-status"), "not imported");
        assertEquals(before, site.app.archive().count());

        unit.sendKeys("东岭县水利局");
        year.sendKeys("2023");
        WebElement title = field(row, "标题");
        assertEquals("东岭县水利局党组领导班子民主生活会对照检查材料", title.getDomProperty("value"));
        title.clear();
        title.sendKeys("东岭县水利局党组领导班子2023年度民主生活会对照检查材料");
        new Select(row.findElement(By.cssSelector("select[aria-label='类别']"))).selectByValue("team");
        driver.findElement(By.id("start")).click();
        wait.until(d -> "imported".equals(row.getDomAttribute("data-status")));
        WebElement read = row.findElement(By.cssSelector(".outcome .read"));
        assertEquals("读出 3 条问题，2 条措施。", read.getText());
        site.browser.screenshot("upload-read");

        String id = row.findElement(By.cssSelector("a.open")).getDomAttribute("href").replaceAll(".*id=([0-9a-f]+).*", "$1");
        Report stored = site.app.archive().get(id).orElseThrow();
        assertEquals(2023, stored.year());
        assertEquals("东岭县水利局党组领导班子2023年度民主生活会对照检查材料", stored.title());
        Correction titleFix = stored.corrections().stream().filter(c -> c.field() == Correction.Field.TITLE)
                .findFirst().orElseThrow(() -> new AssertionError("the title is a correction: " + stored.corrections()));
        assertEquals("东岭县水利局党组领导班子民主生活会对照检查材料", titleFix.original(), "what the file said is kept");
        assertTrue(stored.corrections().stream().noneMatch(c -> c.field() == Correction.Field.KIND),
                "班子材料 as the file says is no correction: " + stored.corrections());

        row.findElement(By.cssSelector("a.open")).click();
        WebElement note = wait.until(d -> d.findElement(By.cssSelector("#report .corrected[data-field=title]")));
        assertEquals("（更正；原文识别为 东岭县水利局党组领导班子民主生活会对照检查材料）", note.getText());
    }

    @Test
    @Order(2)
    void anUploadWithAnImpossibleKindIsRefusedAndNothingStored() throws Exception {
        int before = site.app.archive().count();
        String boundary = "----intake-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n班子\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(CorrectionBrowserTest.TO_DELETE.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", base.substring(0, base.length() - 1)) // as the site's own page sends it
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("类型“班子”无效"), r.body());
        assertEquals(before, site.app.archive().count());
    }

    @Test
    @Order(3)
    void mergingTwoNamesMakesOneUnitInThePickersAndCanBeUndone() throws Exception {
        driver.get(base + "compare.html");
        wait.until(d -> d.findElements(By.cssSelector("#c-unit option")).size() >= 2);
        assertTrue(unitOptions().containsAll(List.of(OLD_NAME, NEW_NAME)), unitOptions().toString());

        driver.get(base + "units.html");
        wait.until(d -> !d.findElements(By.cssSelector("#units tr[data-unit='" + OLD_NAME + "']")).isEmpty());
        site.browser.screenshot("units-before");
        driver.findElement(By.cssSelector("#units tr[data-unit='" + OLD_NAME + "'] input[name=pick]")).click();
        new Select(driver.findElement(By.id("merge-into"))).selectByValue(NEW_NAME);
        driver.findElement(By.id("merge-go")).click();
        Alert ask = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(ask.getText().contains(OLD_NAME) && ask.getText().contains("并入“" + NEW_NAME + "”"), ask.getText());
        ask.accept();
        wait.until(d -> d.findElements(By.cssSelector("#units tr[data-unit='" + OLD_NAME + "']")).isEmpty()
                && !d.findElements(By.cssSelector("#flash .flash")).isEmpty());
        WebElement merged = driver.findElement(By.cssSelector("#units tr[data-unit='" + NEW_NAME + "']"));
        assertFalse(merged.findElements(By.cssSelector("li[data-name='" + OLD_WRITTEN + "']")).isEmpty(),
                "the old name is listed under the unit");
        assertTrue(merged.findElement(By.cssSelector("li[data-name='" + OLD_WRITTEN + "']")).getText().contains("2018年"));
        site.browser.screenshot("units-merged");

        driver.get(base + "compare.html");
        wait.until(d -> !d.findElements(By.cssSelector("#c-unit option")).isEmpty());
        wait.until(d -> unitOptions().contains(NEW_NAME));
        assertFalse(unitOptions().contains(OLD_NAME), "one unit in the picker: " + unitOptions());
        assertEquals(2, site.app.archive().summaries(NEW_NAME, null).size(), "both years under the one unit");

        driver.get(base + "units.html");
        WebElement undo = wait.until(d -> d.findElement(By.cssSelector("#units button.unmerge[data-name='" + OLD_WRITTEN + "']")));
        undo.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> !d.findElements(By.cssSelector("#units tr[data-unit='" + OLD_NAME + "']")).isEmpty());
        assertEquals(1, site.app.archive().summaries(NEW_NAME, null).size(), "the merge is undone");
    }

    private List<String> unitOptions() {
        return driver.findElements(By.cssSelector("#c-unit option")).stream().map(o -> o.getDomProperty("value")).toList();
    }

    private static WebElement field(WebElement row, String label) {
        return row.findElement(By.cssSelector("[aria-label='" + label + "']"));
    }
}
