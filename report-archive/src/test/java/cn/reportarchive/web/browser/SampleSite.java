package cn.reportarchive.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.reportarchive.Application;
import cn.reportarchive.SharedSamples;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The whole sample archive served to a browser, for the tests of the tools across years and reports:
 * report ids by file name, the JSON answers to check the pages against, and exports read back.
 */
final class SampleSite implements AutoCloseable {
    static final Path SAMPLES = Path.of("sample-docs");
    static final String FINANCE = "临江县财政局";
    static final String MARKET = "青山区市场监督管理局";

    final Site site;
    final String base;
    final Map<String, String> idByFile = new HashMap<>();
    final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SampleSite(Site site) {
        this.site = site;
        this.base = site.base;
    }

    /** The sample archive imported into a folder of its own: for tests that change it. */
    static SampleSite start(Path dataDir) throws Exception {
        Application app = Application.open(dataDir, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(SAMPLES)), ImportMetadata.NONE, o -> { });
        SampleSite sample = new SampleSite(Site.start(app));
        for (StoredReport r : app.archive().list(null, null)) {
            sample.idByFile.put(r.report().filename(), r.report().id());
        }
        return sample;
    }

    /** The run's shared sample archive, served to a browser of this class's own: for tests that only read. */
    static SampleSite over(SharedSamples shared) throws Exception {
        SampleSite sample = new SampleSite(Site.visit(shared.app()));
        sample.idByFile.putAll(shared.idByFile());
        return sample;
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(base + path);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return json.readTree(r.body());
    }

    HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A sheet's rows below its heading row, by column heading; whole numbers without a decimal point. */
    static List<Map<String, String>> rows(Sheet sheet) {
        assertNotNull(sheet);
        DataFormatter format = new DataFormatter();
        Row head = sheet.getRow(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < head.getLastCellNum(); c++) {
                Cell cell = sheet.getRow(r).getCell(c);
                String value = cell == null ? "" : cell.getCellType() == CellType.NUMERIC
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

    static String enc(String s) {
        return Browser.enc(s);
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        site.close();
    }
}
