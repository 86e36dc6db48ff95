package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.ApplicationOptions;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.compare.MemoryBudget;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server short of memory (a budget of a few bytes, not an exhausted heap) answers the
 * archive-wide requests with 503 and a Chinese sentence, and goes on serving everything else.
 */
class CopyMemoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path data;

    @Test
    void archiveWideAnswersSayTheyAreShortOfMemoryAndTheServerServesOn() throws Exception {
        try (Application app = Application.open(data, ApplicationOptions.defaults().withMemory(MemoryBudget.of(16)))) {
            app.bulkImport().run(BulkImport.plan(List.of(Path.of("sample-docs"))), ImportMetadata.NONE, o -> { });
            try (WebServer server = WebServer.start(app, "127.0.0.1", 0)) {
                for (String path : List.of("/api/copies", "/api/repeats/common", "/api/copies/" + app.archive().ids().iterator().next())) {
                    HttpResponse<String> r = get(server, path);
                    assertEquals(503, r.statusCode(), path + " " + r.body());
                    String error = JSON.readTree(r.body()).get("error").asText();
                    assertTrue(error.contains("内存不足"), error);
                    assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
                }
                assertEquals(200, get(server, "/api/health").statusCode());
                HttpResponse<String> search = get(server, "/api/search?q=" + java.net.URLEncoder.encode("理论学习", "UTF-8"));
                assertEquals(200, search.statusCode(), search.body());
                assertEquals(200, get(server, "/api/reports").statusCode());
            }
        }
    }

    private static HttpResponse<String> get(WebServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
