package cn.reportarchive.web.browser;

import cn.reportarchive.SharedSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The 检索 page shows what the search understood: a filter typed in the query is the selected facet (and
 * a click on another value of it replaces it, giving the count the facet showed), a hit found through a
 * related word is marked apart from literal hits with a note naming the related word.
 */
@ExtendWith(SharedSamples.Resolver.class)
class SearchUnderstandingBrowserTest extends SampleSiteTest {
    @BeforeAll
    void start(SharedSamples shared) throws Exception {
        Browser.assumeAvailable(getClass().getSimpleName());
        startOn(SampleSite.over(shared)); // only reads: the run's shared sample archive
    }
    private String url() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    private WebElement facet(String dim, String value) {
        return driver.findElement(By.cssSelector("#facets a[data-facet=" + dim + "][data-value='" + value + "']"));
    }

    @Test
    void aTypedFilterIsTheSelectedFacetAndAnotherValueClickedReplacesIt() {
        driver.get(base + "index.html?q=" + enc("八项规定 year：2023"));
        wait.until(d -> !d.findElements(By.id("total")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#facets a[data-facet=year]")).isEmpty());
        assertTrue(facet("year", "2023").getDomAttribute("class").contains("on"), "year：2023 typed is the selected year");
        assertFalse(facet("year", "2022").getDomAttribute("class").contains("on"));
        String promised = facet("year", "2022").findElement(By.cssSelector(".n")).getText();
        facet("year", "2022").click();
        wait.until(d -> url().contains("year=2022"));
        wait.until(d -> d.findElement(By.id("total")).getText().equals("共 " + promised + " 条段落"));
        assertFalse(url().contains("year：2023") || url().contains("year:2023"), url());
        assertTrue(url().contains("q=八项规定"), url());
        assertTrue(facet("year", "2022").getDomAttribute("class").contains("on"));
        for (WebElement meta : driver.findElements(By.cssSelector("#hits .hit-meta"))) {
            assertTrue(meta.getText().contains("2022年"), meta.getText());
        }
    }

    @Test
    void aRelatedWordHitIsMarkedApartWithANote() {
        driver.get(base + "index.html?q=" + enc("上访"));
        wait.until(d -> !d.findElements(By.cssSelector("#hits li.hit")).isEmpty());
        List<WebElement> related = driver.findElements(By.cssSelector("#hits li.hit.related"));
        assertFalse(related.isEmpty(), "信访 passages found for 上访 are marked");
        for (WebElement hit : related) {
            assertTrue(hit.findElement(By.cssSelector(".related-mark")).getText().startsWith("相关词："), hit.getText());
            assertFalse(hit.findElement(By.cssSelector(".snippet")).getText().contains("上访"));
        }
        List<WebElement> literal = driver.findElements(By.cssSelector("#hits li.hit:not(.related)"));
        assertFalse(literal.isEmpty());
        literal.forEach(h -> assertTrue(h.findElements(By.cssSelector(".related-mark")).isEmpty()));
        List<String> notes = driver.findElements(By.cssSelector(".search-note")).stream().map(WebElement::getText).toList();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("含相关词：") && n.contains("信访")), notes.toString());
        assertEquals(0, driver.findElements(By.id("search-error")).size());
    }
}
