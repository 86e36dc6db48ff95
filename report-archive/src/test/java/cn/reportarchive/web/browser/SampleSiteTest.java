package cn.reportarchive.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Browser tests over the whole sample archive ({@link SampleSite}): one site and browser per class. */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleSiteTest {
    static final String FINANCE = SampleSite.FINANCE;
    static final String MARKET = SampleSite.MARKET;

    SampleSite sample;
    Browser browser;
    ChromeDriver driver;
    WebDriverWait wait;
    String base;
    Map<String, String> idByFile;
    ObjectMapper json;

    /** Takes the site a subclass opened in its {@code @BeforeAll} (shared or its own, as it reads or changes it). */
    void startOn(SampleSite site) {
        sample = site;
        base = sample.base;
        idByFile = sample.idByFile;
        json = sample.json;
        browser = sample.site.browser;
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterAll
    void stop() throws Exception {
        if (sample != null) {
            sample.close();
        }
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return sample.getJson(path);
    }

    HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return sample.get(url);
    }

    static List<Map<String, String>> rows(Sheet sheet) {
        return SampleSite.rows(sheet);
    }

    static String enc(String s) {
        return SampleSite.enc(s);
    }

    static String decode(String s) {
        return SampleSite.decode(s);
    }
}
