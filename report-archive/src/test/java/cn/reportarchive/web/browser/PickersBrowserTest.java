package cn.reportarchive.web.browser;

import cn.reportarchive.SharedSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Pages that never load every report, in headless Chromium over the sample archive: a report picker
 * finds a report by typing its unit and year (对比, 查重) and the page follows the choice; 浏览 pages
 * its list through the server and sorts it there.
 */
@ExtendWith(SharedSamples.Resolver.class)
class PickersBrowserTest extends SampleSiteTest {
    @BeforeAll
    void start(SharedSamples shared) throws Exception {
        Browser.assumeAvailable(getClass().getSimpleName());
        startOn(SampleSite.over(shared)); // only reads: the run's shared sample archive
    }

    /** A report of the market unit with a year and an earlier year beside it, as the API lists it. */
    private JsonNode marketReport() throws Exception {
        JsonNode list = getJson("api/reports?unit=" + enc(MARKET));
        JsonNode latest = null;
        for (JsonNode r : list) {
            if (!r.get("year").isNull() && "team".equals(r.get("kind").asText())
                    && (latest == null || r.get("year").asInt() > latest.get("year").asInt())) {
                latest = r;
            }
        }
        if (latest == null) {
            throw new AssertionError("no team report of " + MARKET + " with a year: " + list);
        }
        return latest;
    }

    private void typeAndPick(String inputId, String text, String reportId) {
        WebElement input = driver.findElement(By.id(inputId));
        input.clear();
        input.sendKeys(text);
        By result = By.cssSelector("#" + inputId + "-results button[data-id='" + reportId + "']");
        wait.until(d -> !d.findElements(result).isEmpty());
        driver.findElement(result).click();
    }

    @Test
    void comparePickerFindsAReportByTyping() throws Exception {
        JsonNode r = marketReport();
        String year = r.get("year").asText();
        driver.get(base + "compare.html?unit=" + enc(FINANCE));
        wait.until(d -> !d.findElements(By.cssSelector("#c-unit option")).isEmpty());
        typeAndPick("c-find", "市场监督 " + year, r.get("id").asText());
        wait.until(d -> browser.decodedUrl().contains("unit=" + MARKET) && browser.decodedUrl().contains("to=" + year));
        assertEquals(MARKET, new Select(driver.findElement(By.id("c-unit"))).getFirstSelectedOption().getDomAttribute("value"));
        assertEquals(year, new Select(driver.findElement(By.id("c-to"))).getFirstSelectedOption().getDomAttribute("value"));
        assertTrue(Integer.parseInt(new Select(driver.findElement(By.id("c-from"))).getFirstSelectedOption()
                .getDomAttribute("value")) < Integer.parseInt(year), "compared with an earlier year");
    }

    @Test
    void copiesPickerFindsAReportByTypingAndChecksIt() throws Exception {
        JsonNode r = marketReport();
        driver.get(base + "copies.html");
        typeAndPick("p-find", "市场 " + r.get("year").asText(), r.get("id").asText());
        wait.until(d -> browser.decodedUrl().contains("id=" + r.get("id").asText()));
        assertEquals(r.get("id").asText(), new Select(driver.findElement(By.id("p-report"))).getFirstSelectedOption()
                .getDomAttribute("value"));
        // nothing found: said so, no list
        WebElement input = driver.findElement(By.id("p-find"));
        input.clear();
        input.sendKeys("没有这样的单位");
        wait.until(d -> d.findElement(By.id("p-find-results")).getText().contains("没有找到"));
    }

    @Test
    void browsePagesAndSortsOnTheServer() throws Exception {
        long total = getJson("api/reports/page?size=1").get("total").asLong();
        assertTrue(total > 5, "the sample archive has more than a page of 5: " + total);
        driver.get(base + "browse.html?size=5");
        wait.until(d -> d.findElements(By.cssSelector("#reports tbody tr")).size() == 5);
        assertTrue(driver.findElement(By.id("count")).getText().contains(String.valueOf(total)));
        List<String> first = rowIds();
        driver.findElement(By.cssSelector("#pager .next")).click();
        wait.until(d -> browser.decodedUrl().contains("page=2"));
        wait.until(d -> !rowIds().equals(first) && !rowIds().isEmpty());
        List<String> second = rowIds();
        assertTrue(second.stream().noneMatch(first::contains), first + " / " + second);
        assertEquals(ids("api/reports/page?size=5&page=2"), second, "the server's second page");

        new Select(driver.findElement(By.id("f-sort"))).selectByValue("year");
        new Select(driver.findElement(By.id("f-order"))).selectByValue("desc");
        wait.until(d -> browser.decodedUrl().contains("sort=year") && browser.decodedUrl().contains("order=desc"));
        List<String> expected = ids("api/reports/page?size=5&sort=year&order=desc");
        wait.until(d -> rowIds().equals(expected));
        int maxYear = 0;
        for (JsonNode row : getJson("api/reports/grid?size=1").get("years")) {
            maxYear = Math.max(maxYear, row.asInt());
        }
        String firstYear = driver.findElement(By.cssSelector("#reports tbody tr td.num")).getText();
        assertEquals(String.valueOf(maxYear), firstYear);
        assertNotEquals(first, rowIds());
        String export = driver.findElement(By.id("export-csv")).getDomAttribute("href");
        assertTrue(export.contains("sort=year") && export.contains("order=desc") && !export.contains("page="), export);
    }

    private List<String> rowIds() {
        List<String> out = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#reports tbody tr"))) {
            out.add(tr.getDomAttribute("data-id"));
        }
        return out;
    }

    private List<String> ids(String path) throws Exception {
        List<String> out = new ArrayList<>();
        getJson(path).get("reports").forEach(r -> out.add(r.get("id").asText()));
        return out;
    }
}
