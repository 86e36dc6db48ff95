package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages of the tools across years and reports (对比, 重复问题, 查重) in headless Chromium, over
 * the whole sample archive, with the exports read back and checked against the JSON answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolsBrowserTest {
    private static final Path SAMPLES = Path.of("sample-docs");
    private static final String FINANCE = "临江县财政局";
    private static final String MARKET = "青山区市场监督管理局";

    private Site site;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;
    private final Map<String, String> idByFile = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        Browser.assumeAvailable("ToolsBrowserTest");
        Application app = Application.open(dataDir, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(SAMPLES)), ImportMetadata.NONE, o -> { });
        for (StoredReport r : app.archive().list(null, null)) {
            idByFile.put(r.report().filename(), r.report().id());
        }
        site = Site.start(app);
        base = site.base;
        browser = site.browser;
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    // ---- 对比 ----

    @Test
    void comparePageJoinsRepeatedPairsAndShowsMeasureStatus() throws Exception {
        JsonNode expected = getJson("api/compare?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        driver.get(base + "compare.html?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        wait.until(d -> !d.findElements(By.cssSelector("li.paired[data-side=to]")).isEmpty());

        Map<String, JsonNode> repeatByLater = new HashMap<>();
        expected.get("repeats").forEach(r -> repeatByLater.put(r.get("to").get("ref").asText(), r));
        List<WebElement> later = driver.findElements(By.cssSelector("li.paired[data-side=to]"));
        assertEquals(expected.get("repeats").size(), later.size(), "one badged later problem per repeat");
        assertEquals(String.valueOf(expected.get("repeats").size()), driver.findElement(By.id("repeat-count")).getText());
        for (WebElement right : later) {
            String pair = right.getDomAttribute("data-pairs");
            WebElement left = driver.findElements(By.cssSelector("li.paired[data-side=from]")).stream()
                    .filter(li -> List.of(li.getDomAttribute("data-pairs").split(" ")).contains(pair)).findFirst()
                    .orElseThrow(() -> new AssertionError("no earlier problem for pair " + pair));
            WebElement rightBadge = right.findElement(By.cssSelector(".pair-badge"));
            WebElement leftBadge = left.findElement(By.cssSelector(".pair-badge[data-pair='" + pair + "']"));
            assertTrue(rightBadge.isDisplayed() && leftBadge.isDisplayed());
            assertEquals(rightBadge.getText(), leftBadge.getText(), "the same badge on both sides");
            assertEquals(rightBadge.getCssValue("background-color"), leftBadge.getCssValue("background-color"));
            // every shared run is marked inside both texts
            JsonNode repeat = repeatByLater.get(right.getDomAttribute("data-ref"));
            assertNotNull(repeat);
            List<String> rightMarks = right.findElements(By.cssSelector(".point-text mark")).stream().map(WebElement::getText).toList();
            List<String> leftMarks = left.findElements(By.cssSelector(".point-text mark")).stream().map(WebElement::getText).toList();
            assertFalse(rightMarks.isEmpty() || leftMarks.isEmpty(), "shared text marked on both sides");
            for (JsonNode run : repeat.get("shared")) {
                assertTrue(rightMarks.stream().anyMatch(m -> m.contains(run.asText())), run + " / " + rightMarks);
                assertTrue(leftMarks.stream().anyMatch(m -> m.contains(run.asText())), run + " / " + leftMarks);
            }
        }

        // pointing at one side of a pair lights up the other
        WebElement right = later.get(0);
        String pair = right.getDomAttribute("data-pairs");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", right);
        new Actions(driver).moveToElement(right).perform();
        wait.until(d -> d.findElements(By.cssSelector("li.paired.lit[data-side=from]")).stream()
                .anyMatch(li -> List.of(li.getDomAttribute("data-pairs").split(" ")).contains(pair)));
        assertFalse(driver.findElements(By.cssSelector("svg.pair-lines path.lit")).isEmpty(), "its line too");
        assertEquals(expected.get("repeats").size(), driver.findElements(By.cssSelector("svg.pair-lines path")).size());

        // every earlier measure carries its status in words, and the evidence of a reported one is shown
        List<String> statuses = driver.findElements(By.cssSelector("li.point[data-side=from] .point-head .status")).stream()
                .map(WebElement::getText).toList();
        assertEquals(expected.get("measures").size(), statuses.size());
        for (JsonNode m : expected.get("measures")) {
            WebElement item = driver.findElement(By.cssSelector("li.point[data-side=from][data-ref='" + m.get("measure").get("ref").asText() + "']"));
            String want = Map.of("reported", "已报告落实", "recurred", "问题再次出现", "no-trace", "未见下文").get(m.get("status").asText());
            WebElement status = item.findElement(By.cssSelector(".status"));
            assertTrue(status.isDisplayed());
            assertEquals(want, status.getText());
            if (m.get("evidence").size() > 0) {
                assertTrue(item.findElement(By.cssSelector(".evidence")).getText().contains(m.get("evidence").get(0).get("text").asText()));
            }
        }
        assertTrue(statuses.contains("已报告落实") && statuses.contains("未见下文"), statuses.toString());
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        browser.screenshot("compare");

        try (PDDocument pdf = Loader.loadPDF(browser.print("compare-print"))) {
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertTrue(page.getWidth() > page.getHeight(), "printed on landscape paper: " + page);
            assertEquals(297, page.getWidth() / 72 * 25.4, 2, "A4 wide");
        }
    }

    @Test
    void compareFormPutsTheChoiceInTheUrl() {
        driver.get(base + "compare.html");
        WebElement unit = wait.until(d -> d.findElement(By.cssSelector("#c-unit option")));
        assertNotNull(unit);
        new Select(driver.findElement(By.id("c-unit"))).selectByValue(MARKET);
        new Select(driver.findElement(By.id("c-author"))).selectByValue("周立新");
        new Select(driver.findElement(By.id("c-from"))).selectByValue("2023");
        new Select(driver.findElement(By.id("c-to"))).selectByValue("2024");
        driver.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        wait.until(d -> browser.decodedUrl().contains("author=周立新") && browser.decodedUrl().contains("from=2023"));
        wait.until(d -> d.findElement(By.cssSelector(".col-head.to")).getText().startsWith("2024年"));
        assertTrue(driver.findElement(By.cssSelector(".col-head.from")).getText().startsWith("2023年"));
        assertTrue(browser.decodedUrl().contains("unit=" + MARKET), browser.decodedUrl());

        // the same years of the team: a person's report and the team's are not mixed up
        new Select(driver.findElement(By.id("c-author"))).selectByValue("");
        driver.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        wait.until(d -> !browser.decodedUrl().contains("author="));
        wait.until(d -> d.findElement(By.cssSelector(".col-head.to a")).getDomAttribute("href")
                .contains(idByFile.get("qingshan-scjg-2024.docx")));
        driver.navigate().back();
        wait.until(d -> d.findElement(By.cssSelector(".col-head.to a")).getDomAttribute("href")
                .contains(idByFile.get("qingshan-scjg-zhoulixin-2024.docx")));
    }

    @Test
    void compareExportsMatchTheJson() throws Exception {
        JsonNode c = getJson("api/compare?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        driver.get(base + "compare.html?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        WebElement link = wait.until(d -> d.findElement(By.id("export-xlsx")));
        HttpResponse<byte[]> xlsx = get(link.getDomProperty("href"));
        assertEquals(200, xlsx.statusCode());
        String disposition = xlsx.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment") && disposition.contains(".xlsx"), disposition);
        assertTrue(java.net.URLDecoder.decode(disposition, StandardCharsets.UTF_8).contains(FINANCE + "_2022-2023年对比"), disposition);

        Map<String, JsonNode> repeatByLater = new HashMap<>();
        c.get("repeats").forEach(r -> repeatByLater.put(r.get("to").get("ref").asText(), r));
        List<String> problems = new ArrayList<>();
        for (JsonNode a : c.get("aspects")) {
            a.get("from").get("problems").forEach(p -> problems.add("2022 " + p.get("ref").asText()));
            a.get("to").get("problems").forEach(p -> problems.add("2023 " + p.get("ref").asText()));
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Map<String, String>> rows = rows(book.getSheet("问题对比"));
            assertEquals(problems, rows.stream().map(r -> r.get("年度") + " " + r.get("编号")).toList(), "one row per problem, as on the page");
            int repeated = 0;
            for (Map<String, String> r : rows) {
                JsonNode repeat = r.get("年度").equals("2023") ? repeatByLater.get(r.get("编号")) : null;
                if (repeat != null) {
                    repeated++;
                    assertEquals(repeat.get("from").get("ref").asText(), r.get("对应编号"));
                    assertEquals(repeat.get("from").get("text").asText(), r.get("对应问题"));
                    assertEquals(repeat.get("similarity").asDouble(), Double.parseDouble(r.get("相似度")), 1e-9);
                } else if (r.get("年度").equals("2023")) {
                    assertEquals("否", r.get("重复情况"));
                }
            }
            assertEquals(c.get("repeats").size(), repeated);
            List<Map<String, String>> measures = rows(book.getSheet("措施落实"));
            assertEquals(c.get("measures").size(), measures.size());
            for (int i = 0; i < measures.size(); i++) {
                JsonNode m = c.get("measures").get(i);
                assertEquals(m.get("measure").get("text").asText(), measures.get(i).get("措施"));
                assertEquals(Map.of("reported", "已报告落实", "recurred", "问题再次出现", "no-trace", "未见下文").get(m.get("status").asText()),
                        measures.get(i).get("落实情况"));
            }
        }

        HttpResponse<byte[]> csv = get(driver.findElement(By.id("export-csv")).getDomProperty("href"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "a byte order mark for Excel");
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text.substring(1)))) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(problems, records.stream().map(r -> r.get("年度") + " " + r.get("编号")).toList());
        }

        assertEquals(400, get(base + "api/compare/export?unit=" + enc(FINANCE) + "&from=2022&to=2023&format=pdf").statusCode());
        assertEquals(404, get(base + "api/compare/export?unit=" + enc("没有这个单位") + "&from=2022&to=2023").statusCode());
    }

    // ---- 材料 → 对比, 查重, 重复问题 ----

    @Test
    void reportPageLinksToTheYearsAroundItAndToTheChecks() {
        String middle = idByFile.get("linjiang-czj-2023.pdf");
        driver.get(base + "report.html?id=" + middle);
        WebElement prev = wait.until(d -> d.findElement(By.id("compare-prev")));
        WebElement next = driver.findElement(By.id("compare-next"));
        assertEquals("与上一年对比", prev.getText());
        assertEquals("与下一年对比", next.getText());
        assertTrue(decode(next.getDomAttribute("href")).contains("from=2023&to=2024"), next.getDomAttribute("href"));
        assertTrue(decode(driver.findElement(By.id("copies-link")).getDomAttribute("href")).endsWith("id=" + middle));
        assertTrue(decode(driver.findElement(By.id("repeats-link")).getDomAttribute("href")).contains("unit=" + FINANCE));
        browser.screenshot("report-links");

        prev.click();
        wait.until(d -> !d.findElements(By.cssSelector("li.paired")).isEmpty());
        assertTrue(browser.decodedUrl().contains("from=2022&to=2023"), browser.decodedUrl());
        // and back from the columns to the reports
        assertTrue(driver.findElement(By.cssSelector(".col-head.to a")).getDomAttribute("href").equals("report.html?id=" + middle));

        // the earliest year has no earlier one to compare with; a person's report compares with the same person's
        driver.get(base + "report.html?id=" + idByFile.get("linjiang-czj-2022.docx"));
        wait.until(d -> !d.findElements(By.id("compare-next")).isEmpty());
        assertTrue(driver.findElements(By.id("compare-prev")).isEmpty());
        driver.get(base + "report.html?id=" + idByFile.get("qingshan-scjg-zhoulixin-2023.wps"));
        WebElement personal = wait.until(d -> d.findElement(By.id("compare-prev")));
        assertTrue(decode(personal.getDomAttribute("href")).contains("author=周立新"), personal.getDomAttribute("href"));
    }

    // ---- 重复问题 ----

    @Test
    void repeatsPageShowsChainsAndDrawsTheTrend() throws Exception {
        JsonNode h = getJson("api/repeats?unit=" + enc(FINANCE));
        driver.get(base + "repeats.html?unit=" + enc(FINANCE));
        wait.until(d -> !d.findElements(By.cssSelector("#chains li.chain")).isEmpty());
        List<WebElement> chains = driver.findElements(By.cssSelector("#chains li.chain"));
        assertEquals(h.get("chains").size(), chains.size());
        int longest = 0;
        for (JsonNode c : h.get("chains")) {
            longest = Math.max(longest, c.get("times").asInt());
        }
        WebElement first = chains.get(0);
        assertTrue(first.getText().contains("提出 " + longest + " 次"), first.getText());
        assertEquals(longest, first.findElements(By.cssSelector(".chain-link")).size());
        assertFalse(first.findElements(By.cssSelector(".status")).isEmpty());
        assertTrue(first.findElement(By.cssSelector(".chain-link a.ref")).getDomAttribute("href").startsWith("report.html?id="));

        // the chart: ECharts from the jar has drawn on its canvas
        WebElement canvas = wait.until(d -> d.findElement(By.cssSelector("#trend-chart canvas")));
        assertTrue(canvas.getSize().getWidth() > 300 && canvas.getSize().getHeight() > 200, canvas.getSize().toString());
        Number painted = (Number) ((JavascriptExecutor) driver).executeScript(
                "const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", canvas);
        assertTrue(painted.intValue() > 5000, "pixels drawn: " + painted);
        assertEquals(h.get("trend").size(), driver.findElements(By.cssSelector("#trend-table tbody tr")).size());
        browser.screenshot("repeats");

        // the archive-wide list
        wait.until(d -> !d.findElements(By.cssSelector("#groups li.group")).isEmpty()
                || !d.findElements(By.cssSelector("#common-body .notice, #common-body .error")).isEmpty());
        JsonNode common = getJson("api/repeats/common?limit=20");
        assertEquals(common.get("groups").size(), driver.findElements(By.cssSelector("#groups li.group")).size());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(base + "api/repeats/common/export?format=xlsx&limit=20").body()))) {
            int examples = 0;
            for (JsonNode g : common.get("groups")) {
                examples += g.get("examples").size();
            }
            assertEquals(examples, rows(book.getSheet("常见问题")).size(), "one row per example of a common problem");
        }
        ((JavascriptExecutor) driver).executeScript("document.getElementById('common-title').scrollIntoView();");
        browser.screenshot("repeats-common");

        HttpResponse<byte[]> xlsx = get(base + "api/repeats/export?format=xlsx&unit=" + enc(FINANCE));
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            int links = 0;
            for (JsonNode c : h.get("chains")) {
                links += c.get("links").size();
            }
            assertEquals(links, rows(book.getSheet("重复问题链")).size(), "one row per statement of a repeated problem");
        }
    }

    // ---- 查重 ----

    @Test
    void copiesPageShowsSourcesWithShareAndPassages() throws Exception {
        String id = idByFile.get("linjiang-sjj-2023.docx");
        JsonNode check = getJson("api/copies/" + id);
        driver.get(base + "copies.html?id=" + id);
        wait.until(d -> !d.findElements(By.cssSelector("#sources tbody tr")).isEmpty());
        List<WebElement> sources = driver.findElements(By.cssSelector("#sources tbody tr"));
        assertEquals(check.get("sources").size(), sources.size());
        String share = sources.get(0).findElement(By.cssSelector(".share b")).getText();
        assertEquals(Math.round(check.get("sources").get(0).get("share").asDouble() * 100) + "%", share);
        assertTrue(driver.findElement(By.id("share")).getText().matches("\\d+%"), driver.findElement(By.id("share")).getText());
        WebElement passages = driver.findElement(By.cssSelector("#source-1 table.passages"));
        assertFalse(passages.findElements(By.cssSelector("tbody tr td:first-child mark")).isEmpty());
        assertFalse(passages.findElements(By.cssSelector("tbody tr td:last-child mark")).isEmpty());
        browser.screenshot("copies");

        wait.until(d -> !d.findElements(By.cssSelector("#pairs tbody tr")).isEmpty());
        JsonNode pairs = getJson("api/copies?limit=20").get("pairs");
        assertEquals(pairs.size(), driver.findElements(By.cssSelector("#pairs tbody tr")).size());

        // the exports of both lists, one row per passage and per pair; an unknown report is a 404 in words
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(base + "api/copies/" + id + "/export?format=xlsx").body()))) {
            int passageCount = 0;
            for (JsonNode source : check.get("sources")) {
                passageCount += source.get("passages").size();
            }
            assertEquals(passageCount, rows(book.getSheetAt(0)).size());
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(base + "api/copies/export?format=xlsx&limit=20").body()))) {
            List<Map<String, String>> rows = rows(book.getSheetAt(0));
            assertEquals(pairs.size(), rows.size());
            assertEquals(pairs.get(0).get("copy").get("reportId").asText(), rows.get(0).get("材料编号"));
            assertEquals(pairs.get(0).get("source").get("reportId").asText(), rows.get(0).get("来源编号"));
        }
        HttpResponse<byte[]> unknown = get(base + "api/copies/0000000000000000/export?format=csv");
        assertEquals(404, unknown.statusCode());
        assertTrue(json.readTree(unknown.body()).get("error").asText().contains("找不到"));
        assertEquals(400, get(base + "api/copies/export?limit=0").statusCode());
    }

    @Test
    void templateLibraryAddsListsFlagsACopyAndDeletes(@TempDir Path dir) throws Exception {
        // a "template circulating online" made of one report's problems: that report now copies a template
        String id = idByFile.get("yunxi-dw-2022.txt");
        StringBuilder text = new StringBuilder();
        for (JsonNode section : getJson("api/reports/" + id).get("sections")) {
            if (section.get("type").asText().equals("problems")) {
                section.get("blocks").forEach(b -> b.get("items").forEach(i -> text.append(i.get("text").asText()).append('\n')));
            }
        }
        Path template = dir.resolve("网传范文.txt");
        Files.writeString(template, text.toString(), StandardCharsets.UTF_8);

        driver.get(base + "copies.html");
        wait.until(d -> !d.findElements(By.cssSelector("#templates, #templates-body p:not(.muted), #templates-body .muted")).isEmpty()
                && !d.findElement(By.id("templates-body")).getText().contains("正在加载"));
        int before = driver.findElements(By.cssSelector("#templates tbody tr")).size();
        driver.findElement(By.id("t-file")).sendKeys(template.toAbsolutePath().toString());
        driver.findElement(By.id("t-name")).sendKeys("测试范文");
        driver.findElement(By.id("t-add")).click();
        wait.until(d -> d.findElements(By.cssSelector("#templates tbody tr")).size() == before + 1);
        WebElement row = driver.findElements(By.cssSelector("#templates tbody tr")).stream()
                .filter(r -> r.getText().contains("测试范文")).findFirst().orElseThrow();
        assertTrue(row.getText().matches("(?s).*测试范文.*\\d+.*\\d{4}/\\d{1,2}/\\d{1,2}.*"), row.getText());
        browser.screenshot("templates");

        try {
            driver.get(base + "copies.html?id=" + id);
            WebElement flagged = wait.until(d -> d.findElements(By.cssSelector("#check details.source")).stream()
                    .filter(s -> s.getText().contains("照抄范文")).findFirst().orElse(null));
            assertTrue(flagged.getText().contains("测试范文"), flagged.getText());
            assertFalse(flagged.findElements(By.cssSelector("table.passages mark")).isEmpty());
        } finally {
            driver.get(base + "copies.html");
            WebElement added = wait.until(d -> d.findElements(By.cssSelector("#templates tbody tr")).stream()
                    .filter(r -> r.getText().contains("测试范文")).findFirst().orElse(null));
            added.findElement(By.cssSelector("button")).click();
            driver.switchTo().alert().accept();
            wait.until(d -> d.findElements(By.cssSelector("#templates tbody tr")).size() == before);
        }
    }

    // ---- helpers ----

    private static List<Map<String, String>> rows(Sheet sheet) {
        assertNotNull(sheet);
        DataFormatter format = new DataFormatter();
        Row head = sheet.getRow(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < head.getLastCellNum(); c++) {
                Cell cell = sheet.getRow(r).getCell(c);
                String value = cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? numberText(cell.getNumericCellValue()) : format.formatCellValue(cell);
                row.put(head.getCell(c).getStringCellValue(), value);
            }
            out.add(row);
        }
        return out;
    }

    private static String numberText(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(base + path);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return json.readTree(r.body());
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) {
        return Browser.enc(s);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
