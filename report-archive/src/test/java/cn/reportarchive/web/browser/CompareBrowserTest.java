package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.SharedSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The 对比 page and the report page's links to it, in headless Chromium over the whole sample
 * archive, with the exports read back and checked against the JSON answers.
 */
@ExtendWith(SharedSamples.Resolver.class)
class CompareBrowserTest extends SampleSiteTest {
    @BeforeAll
    void start(SharedSamples shared) throws Exception {
        Browser.assumeAvailable(getClass().getSimpleName());
        startOn(SampleSite.over(shared)); // only reads: the run's shared sample archive
    }

    // ---- 对比 ----

    @Test
    void aLinkWithAnotherNameOfTheUnitSelectsTheUnit() {
        // the unit directory maps 中共临江县财政局党组 to the unit the archive shows, 临江县财政局
        driver.get(base + "compare.html?unit=" + enc("中共临江县财政局党组") + "&from=2022&to=2023");
        wait.until(d -> !d.findElements(By.cssSelector("li.paired[data-side=to]")).isEmpty());
        Select unit = new Select(driver.findElement(By.id("c-unit")));
        assertEquals(FINANCE, unit.getFirstSelectedOption().getDomAttribute("value"));
        assertEquals(1, unit.getOptions().stream().filter(o -> FINANCE.equals(o.getDomAttribute("value"))).count(),
                "no second option for the other name");
        assertEquals("2022", new Select(driver.findElement(By.id("c-from"))).getFirstSelectedOption().getDomAttribute("value"));
    }

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
    void possibleRepeatsShowCollapsedUnderTheRepeatsWithTheirCountAndMarks() throws Exception {
        JsonNode expected = getJson("api/compare?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        JsonNode possible = expected.get("possibleRepeats");
        assertFalse(possible.isEmpty(), "the sample pair has pairs below the repeat bar: " + expected.get("closest"));
        driver.get(base + "compare.html?unit=" + enc(FINANCE) + "&from=2022&to=2023");
        WebElement section = wait.until(d -> d.findElement(By.id("possible-repeats")));
        assertEquals("details", section.getTagName());
        assertEquals(null, section.getDomAttribute("open"), "collapsed until the reader opens it");
        WebElement summary = section.findElement(By.tagName("summary"));
        assertEquals("疑似重复（措辞不同，需人工判断）" + possible.size() + " 条", summary.getText());
        // not counted among the repeats, and apart from the grid of badged pairs
        assertEquals(String.valueOf(expected.get("repeats").size()), driver.findElement(By.id("repeat-count")).getText());
        assertTrue(section.findElements(By.cssSelector(".pair-badge, li.paired")).isEmpty());
        assertTrue((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].compareDocumentPosition(document.getElementById('compare-grid')) === Node.DOCUMENT_POSITION_PRECEDING;", section),
                "under the repeats");
        List<WebElement> items = section.findElements(By.cssSelector("li.possible"));
        assertEquals(possible.size(), items.size());
        assertFalse(items.get(0).isDisplayed(), "hidden while collapsed");

        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", summary);
        summary.click();
        wait.until(d -> items.get(0).isDisplayed());
        for (int i = 0; i < possible.size(); i++) {
            JsonNode r = possible.get(i);
            WebElement item = items.get(i);
            assertEquals(r.get("to").get("ref").asText(), item.getDomAttribute("data-ref"));
            WebElement later = item.findElement(By.cssSelector(".possible-side.to .point-text"));
            WebElement earlier = item.findElement(By.cssSelector(".possible-side.from .point-text"));
            assertEquals(r.get("to").get("text").asText(), later.getText());
            assertEquals(r.get("from").get("text").asText(), earlier.getText());
            List<String> marks = later.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
            for (JsonNode run : r.get("shared")) {
                assertTrue(marks.stream().anyMatch(m -> m.contains(run.asText())), run + " / " + marks);
            }
            if (!r.get("matched").isEmpty()) {
                String words = item.findElement(By.cssSelector(".matched")).getText();
                r.get("matched").forEach(w -> assertTrue(words.contains(w.asText()), w + " / " + words));
            }
        }
        browser.screenshot("compare-possible");

        // the export carries them as a sheet of their own, headed the same
        HttpResponse<byte[]> xlsx = get(driver.findElement(By.id("export-xlsx")).getDomProperty("href"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Map<String, String>> rows = rows(book.getSheet("疑似重复（措辞不同，需人工判断）"));
            assertEquals(possible.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(possible.get(i).get("to").get("text").asText(), rows.get(i).get("问题"));
                assertEquals(possible.get(i).get("from").get("text").asText(), rows.get(i).get("对应问题"));
            }
        }
    }

    @Test
    void compareFormPutsTheChoiceInTheUrl() {
        driver.get(base + "compare.html");
        WebElement unit = wait.until(d -> d.findElement(By.cssSelector("#c-unit option")));
        assertNotNull(unit);
        new Select(driver.findElement(By.id("c-unit"))).selectByValue(MARKET);
        // the unit's reports come from the server once it is chosen
        wait.until(d -> !d.findElements(By.cssSelector("#c-author option[value='周立新']")).isEmpty());
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
}
