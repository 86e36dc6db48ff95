package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.extract.ExtractionLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's Chromium, headless, driven through chromium-driver, against
 * the real server on a free port over an empty temporary archive. The tests run in order and share
 * the archive: the uploads of the first test are what the later ones search, open and download.
 * Screenshots of every page (and A4 print-outs of a report and a search) go to target/screenshots/.
 * Skipped, with the reason printed, where /usr/bin/chromium or /usr/bin/chromedriver is missing (see Browser).
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {
    private static final Path DOCX = Path.of("sample-docs", "linjiang-czj-2022.docx").toAbsolutePath();
    private static final Path PDF = Path.of("sample-docs", "yunxi-dw-2023.pdf").toAbsolutePath();

    /** A small report whose text carries markup: the pages must show it as text and never run it. */
    private static final String MARKUP_REPORT = """
            中共测试县档案局党组
            测试县档案局党组领导班子2024年度民主生活会对照检查材料

            局党组认真学习有关通知精神，广泛征求意见，现对照检查如下：

            一、查摆的问题
            （一）在带头强化理论武装方面
            1.学习笔记照抄照搬<script>window.injected=1</script>，心得体会<b>千篇一律</b>。
            2.调研报告质量不高，档案数字化推进缓慢。
            二、整改措施
            （一）在带头强化理论武装方面
            1.建立学习笔记抽查制度，每季度通报一次。
            """;
    private static final String MARKUP = "<script>window.injected=1</script>";

    private Path scratch;

    private Site site;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String markupReportId;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path scratchDir) throws Exception {
        scratch = scratchDir;
        Browser.assumeAvailable("PagesBrowserTest");
        site = Site.start(Application.open(dataDir, ExtractionLimits.defaults()));
        base = site.base;
        browser = site.browser;
        driver = browser.driver;
        wait = browser.wait;
        markupReportId = importThroughApi("markup.txt", MARKUP_REPORT.getBytes(StandardCharsets.UTF_8), "测试县档案局");
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    // ---- 导入 ----

    @Test
    @Order(1)
    void uploadPageImportsDocxAndPdfWithPrefilledFields() {
        driver.get(base + "upload.html");
        WebElement picker = driver.findElement(By.id("files"));
        picker.sendKeys(DOCX + "\n" + PDF);

        WebElement docxRow = row(DOCX.getFileName().toString());
        WebElement pdfRow = row(PDF.getFileName().toString());
        wait.until(d -> "ready".equals(docxRow.getDomAttribute("data-status"))
                && "ready".equals(pdfRow.getDomAttribute("data-status")));
        // pre-filled from what the files say, editable
        assertEquals("临江县财政局", field(docxRow, "单位").getDomProperty("value"));
        assertEquals("2022", field(docxRow, "年度").getDomProperty("value"));
        assertEquals("云溪镇", field(pdfRow, "单位").getDomProperty("value"));
        assertEquals("2023", field(pdfRow, "年度").getDomProperty("value"));
        assertTrue(field(docxRow, "单位").isEnabled());

        driver.findElement(By.id("start")).click();
        wait.until(d -> "imported".equals(docxRow.getDomAttribute("data-status"))
                && "imported".equals(pdfRow.getDomAttribute("data-status")));
        assertTrue(docxRow.getText().contains("已导入"), docxRow.getText());
        assertNotNull(docxRow.findElement(By.cssSelector("a.open")).getDomAttribute("href"));
        assertEquals(1.0, Double.parseDouble(pdfRow.findElement(By.tagName("progress")).getDomProperty("value")));
    }

    @Test
    @Order(2)
    void uploadPageShowsWhyAFileFailed() throws IOException {
        if (!driver.getCurrentUrl().endsWith("upload.html")) {
            driver.get(base + "upload.html");
        }
        Path bogus = scratch.resolve("损坏的材料.docx");
        Files.write(bogus, "这不是一个 Word 文件".getBytes(StandardCharsets.UTF_8));
        driver.findElement(By.id("files")).sendKeys(bogus.toString());

        WebElement bogusRow = row(bogus.getFileName().toString());
        wait.until(d -> "failed".equals(bogusRow.getDomAttribute("data-status")));
        String reason = bogusRow.findElement(By.cssSelector(".outcome .reason")).getText();
        assertTrue(bogusRow.findElement(By.cssSelector(".outcome")).getText().startsWith("失败"));
        assertTrue(reason.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && reason.length() > 6, "a Chinese reason: " + reason);
        // the same file again is a duplicate, said before importing
        driver.findElement(By.id("files")).sendKeys(DOCX.toString());
        wait.until(d -> d.findElements(By.cssSelector("#rows tr[data-status=duplicate]")).size() == 1);
        screenshot("upload");
    }

    // ---- 检索 ----

    @Test
    @Order(3)
    void slashFocusesTheBoxAndEnterSearchesWithHighlighting() {
        driver.get(base);
        WebElement box = driver.findElement(By.id("q"));
        wait.until(d -> !d.findElements(By.cssSelector(".landing")).isEmpty());
        screenshot("search-landing");
        driver.findElement(By.tagName("body")).click();
        assertNotFocused(box);
        driver.findElement(By.tagName("body")).sendKeys("/");
        wait.until(d -> box.equals(d.switchTo().activeElement()));
        assertEquals("", box.getDomProperty("value"), "the / typed is not left in the box");

        box.sendKeys("理论学习", Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector("#hits li.hit")).isEmpty());
        assertTrue(decodedUrl().contains("q=理论学习"), decodedUrl());
        List<WebElement> marks = driver.findElements(By.cssSelector("#hits .snippet mark"));
        assertFalse(marks.isEmpty());
        String marked = marks.stream().map(WebElement::getText).collect(Collectors.joining());
        assertTrue(marked.contains("理论") || marked.contains("学习"), marked);
        Set<String> units = hitTexts(".hit-meta");
        assertTrue(units.stream().anyMatch(s -> s.contains("临江县财政局")), units.toString());
        assertTrue(units.stream().anyMatch(s -> s.contains("云溪镇")), units.toString());
        screenshot("search");
        print("search-print");
    }

    @Test
    @Order(4)
    void facetClickNarrowsResultsAndUrlAndBackUndoesIt() {
        driver.get(base + "index.html?q=" + enc("理论学习"));
        WebElement total = wait.until(d -> d.findElement(By.id("total")));
        String before = total.getText();
        WebElement year2022 = driver.findElement(By.cssSelector("#facets a[data-facet=year][data-value='2022']"));
        year2022.click();
        wait.until(d -> decodedUrl().contains("year=2022"));
        wait.until(d -> !d.findElement(By.id("total")).getText().equals(before));
        assertTrue(decodedUrl().contains("q=理论学习"), decodedUrl());
        for (String meta : hitTexts(".hit-meta")) {
            assertTrue(meta.contains("2022年") && !meta.contains("2023年"), meta);
        }
        assertTrue(driver.findElement(By.cssSelector("#facets a[data-facet=year][data-value='2022']"))
                .getDomAttribute("class").contains("on"));
        assertFalse(driver.findElements(By.cssSelector(".chip")).isEmpty(), "the filter is shown as a chip");

        driver.navigate().back();
        wait.until(d -> !decodedUrl().contains("year="));
        wait.until(d -> d.findElement(By.id("total")).getText().equals(before));
    }

    @Test
    @Order(5)
    void malformedQueryShowsTheSentence() {
        driver.get(base);
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("\"四风", Keys.ENTER);
        WebElement error = wait.until(d -> d.findElement(By.id("search-error")));
        assertTrue(error.getText().contains("引号"), error.getText());
        screenshot("search-error");
        assertTrue(driver.findElements(By.cssSelector("#hits")).isEmpty());
    }

    // ---- 材料 ----

    @Test
    @Order(6)
    void hitOpensTheReportAtItsPassage() {
        driver.get(base + "index.html?q=" + enc("理论学习") + "&unit=" + enc("临江县财政局"));
        WebElement first = wait.until(d -> d.findElement(By.cssSelector("#hits li.hit")));
        String ref = first.getDomAttribute("data-ref");
        first.findElement(By.cssSelector("a.hit-title")).click();

        wait.until(d -> !d.findElements(By.cssSelector("#report h1")).isEmpty());
        assertTrue(driver.getCurrentUrl().contains("report.html?id="), driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().endsWith("#" + ref), driver.getCurrentUrl() + " / " + ref);
        WebElement target = wait.until(d -> d.findElement(By.id(ref)));
        assertTrue(target.getDomAttribute("class").contains("target"), "the hit's passage is marked");
        assertFalse(target.getText().isBlank());

        // laid out by structure: sections, blocks with their aspect label beside the heading, numbered items
        assertTrue(driver.findElements(By.cssSelector("#report section.part")).size() >= 3);
        List<WebElement> aspects = driver.findElements(By.cssSelector("#report .block > h3 .tag.aspect"));
        assertFalse(aspects.isEmpty());
        assertTrue(aspects.stream().anyMatch(a -> a.getText().equals("党的领导")), "aspect labels in Chinese");
        assertNotNull(driver.findElement(By.id("problems/2/1")));
        assertTrue(driver.findElement(By.id("problems/2/1")).findElement(By.cssSelector("a.similar")).getText()
                .equals("查找类似问题"));
        screenshot("report-at-hit");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        screenshot("report");
        print("report-print");
    }

    @Test
    @Order(7)
    void downloadLinkGivesTheOriginalBytes() throws Exception {
        openReport("临江县财政局");
        WebElement link = driver.findElement(By.id("download"));
        assertEquals("下载原件", link.getText());
        String url = link.getDomProperty("href");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(Files.readAllBytes(DOCX), response.body());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    }

    @Test
    @Order(8)
    void similarProblemsLinkRunsASimilarTextSearch() {
        openReport("临江县财政局");
        WebElement item = driver.findElement(By.id("problems/2/1"));
        String reportUrl = driver.getCurrentUrl();
        String id = reportUrl.replaceAll(".*[?&]id=([0-9a-f]+).*", "$1");
        item.findElement(By.cssSelector("a.similar")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#similar-hits li.hit")).isEmpty());
        assertTrue(decodedUrl().contains("mode=similar") && decodedUrl().contains("section=problems"), decodedUrl());
        // the item itself is among the points found, marked as where the search started
        assertFalse(driver.findElements(By.cssSelector("#similar-hits li.hit.origin[data-report='" + id + "'][data-ref='problems/2/1']")).isEmpty());
    }

    @Test
    @Order(9)
    void markupInReportTextIsShownAsText() {
        driver.get(base + "report.html?id=" + markupReportId);
        WebElement item = wait.until(d -> d.findElement(By.id("problems/1/1")));
        assertTrue(item.getText().contains(MARKUP), item.getText());
        assertTrue(item.getText().contains("<b>千篇一律</b>"), item.getText());
        assertTrue(item.findElements(By.tagName("script")).isEmpty());
        assertTrue(item.findElements(By.tagName("b")).isEmpty());
        assertNull(((JavascriptExecutor) driver).executeScript("return window.injected;"));

        driver.get(base + "index.html?q=" + enc("照抄照搬"));
        WebElement hit = wait.until(d -> d.findElement(By.cssSelector("#hits li.hit .snippet")));
        assertTrue(hit.getText().contains("<script>"), hit.getText());
        assertTrue(hit.findElements(By.tagName("script")).isEmpty());
        assertNull(((JavascriptExecutor) driver).executeScript("return window.injected;"));
    }

    // ---- 浏览 ----

    @Test
    @Order(10)
    void browseListsReportsByUnitAndYearAndFilters() {
        driver.get(base + "browse.html");
        wait.until(d -> d.findElements(By.cssSelector("#reports tbody tr")).size() == 3);
        assertEquals(3, driver.findElements(By.cssSelector("#matrix tbody tr")).size(), "one row per unit");
        screenshot("browse");

        new Select(driver.findElement(By.id("f-unit"))).selectByValue("云溪镇");
        wait.until(d -> d.findElements(By.cssSelector("#reports tbody tr")).size() == 1);
        assertTrue(decodedUrl().contains("unit=云溪镇"), decodedUrl());
        driver.findElement(By.cssSelector("#reports tbody tr td.title a")).click();
        WebElement title = wait.until(d -> d.findElement(By.cssSelector("#report h1")));
        assertTrue(title.getText().contains("2023"), title.getText());
        assertTrue(driver.findElement(By.cssSelector("table.facts")).getText().contains("云溪镇"));
    }

    // ---- helpers ----

    private void openReport(String unit) {
        String id = driver.getCurrentUrl().contains("report.html") && driver.findElement(By.cssSelector("table.facts")).getText().contains(unit)
                ? null : idOf(unit);
        if (id != null) {
            driver.get(base + "report.html?id=" + id);
        }
        wait.until(d -> !d.findElements(By.id("download")).isEmpty());
    }

    private String idOf(String unit) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/reports?unit=" + enc(unit))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(r.body());
            assertTrue(m.find(), r.body());
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private WebElement row(String fileName) {
        return wait.until(d -> d.findElements(By.cssSelector("#rows tr")).stream()
                .filter(r -> fileName.equals(r.getDomAttribute("data-file"))).findFirst().orElse(null));
    }

    private static WebElement field(WebElement row, String label) {
        return row.findElement(By.cssSelector("input[aria-label='" + label + "']"));
    }

    private Set<String> hitTexts(String css) {
        return driver.findElements(By.cssSelector("#hits li.hit " + css)).stream().map(WebElement::getText)
                .collect(Collectors.toSet());
    }

    private void assertNotFocused(WebElement box) {
        assertFalse(box.equals(driver.switchTo().activeElement()), "the box should not have the focus yet");
    }

    private String decodedUrl() {
        return browser.decodedUrl();
    }

    private static String enc(String s) {
        return Browser.enc(s);
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }

    private void print(String name) {
        browser.print(name);
    }

    private String importThroughApi(String name, byte[] bytes, String unit) throws IOException, InterruptedException {
        String boundary = "----pages-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\n" + unit + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "api/reports"))
                .header("Origin", base.replaceAll("/$", "")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), response.body());
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }
}
