package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ReindexCommandTest {
    @TempDir
    Path tmp;

    private static List<String> idsAndRefs(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("hits").forEach(h -> out.add(h.get("reportId").asText() + " " + h.get("ref").asText()));
        return out;
    }

    @Test
    void reindexKeepsTheSameHitsInTheSameOrder() {
        String data = tmp.resolve("data").toString();
        Path in = tmp.resolve("in");
        CliRunner.copySamples(in, "yunxi-dw-2022.txt", "linjiang-czj-2022.docx", "metadata.csv",
                "linjiang-sjj-2022.txt");
        // linjiang-sjj-2022.txt says no unit; metadata.csv beside it and --year must survive a reindex
        assertEquals(0, CliRunner.run("import", in.toString(), "--data", data, "--json").code());
        assertEquals(0, CliRunner.run("import", CliRunner.copySamples(tmp.resolve("other"),
                "qingshan-scjg-2023.txt").get(0).toString(), "--year", "2021", "--data", data, "--json").code());

        List<String[]> queries = List.of(
                new String[] {"search", "群众", "--limit", "200"},
                new String[] {"search", "形式主义", "--limit", "200"},
                new String[] {"search", "学习", "--unit", "临江县审计局", "--limit", "200"},
                new String[] {"search", "问题", "--year", "2021", "--limit", "200"});
        List<JsonNode> before = new ArrayList<>();
        for (String[] q : queries) {
            before.add(search(data, q));
        }
        JsonNode listBefore = CliRunner.run("list", "--data", data, "--json").json();

        CliRunner.Result reindex = CliRunner.run("reindex", "--data", data);
        assertEquals(0, reindex.code(), reindex.err());

        for (int i = 0; i < queries.size(); i++) {
            JsonNode after = search(data, queries.get(i));
            assertTrue(before.get(i).get("total").asInt() > 0, String.join(" ", queries.get(i)));
            assertEquals(before.get(i).get("total"), after.get("total"), String.join(" ", queries.get(i)));
            assertEquals(idsAndRefs(before.get(i)), idsAndRefs(after), String.join(" ", queries.get(i)));
            assertEquals(before.get(i).get("facets"), after.get("facets"), String.join(" ", queries.get(i)));
        }
        assertEquals(listBefore, CliRunner.run("list", "--data", data, "--json").json());
    }

    private static JsonNode search(String data, String[] query) {
        List<String> args = new ArrayList<>(List.of(query));
        args.addAll(List.of("--data", data, "--json"));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.json();
    }
}
