package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** compare, repeats, copies and template on the command line: INTERFACE.md's Compare JSON, exit codes. */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class CompareCommandsTest {
    @TempDir
    static Path tmp;
    static String data;

    @BeforeAll
    static void importSamples() {
        data = CliRunner.importSamples(tmp, "linjiang-czj-2022.docx", "linjiang-czj-2023.pdf", "linjiang-czj-2024.doc",
                "linjiang-sjj-2023.docx");
    }

    @Test
    void compareJsonHasTheFieldsOfTheInterface() {
        CliRunner.Result r = CliRunner.run("compare", "--unit", "临江县财政局", "--from", "2022", "--to", "2023",
                "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode c = r.json();
        for (String field : List.of("unit", "author", "from", "to", "aspects", "repeats", "measures")) {
            assertTrue(c.has(field), field);
        }
        assertEquals(2022, c.get("from").get("year").asInt());
        assertEquals(2023, c.get("to").get("year").asInt());
        JsonNode aspect = c.get("aspects").get(0);
        for (String side : List.of("from", "to")) {
            assertTrue(aspect.get(side).has("problems") && aspect.get(side).has("measures"));
        }
        JsonNode repeat = c.get("repeats").get(0);
        for (String field : List.of("to", "from", "similarity", "shared")) {
            assertTrue(repeat.has(field), field);
        }
        assertTrue(repeat.get("to").has("aspect") && repeat.get("from").has("ref"));
        List<String> statuses = new ArrayList<>();
        c.get("measures").forEach(m -> statuses.add(m.get("status").asText()));
        assertTrue(List.of("reported", "recurred", "no-trace").containsAll(statuses));
        assertTrue(statuses.contains("reported"));
    }

    @Test
    void compareTextPrintsThePossibleRepeatsAfterTheRepeatsUnderTheirHeading() {
        List<String> args = List.of("compare", "--unit", "临江县财政局", "--from", "2022", "--to", "2023", "--data", data);
        JsonNode c = CliRunner.run(java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of("--json"))
                .toArray(String[]::new)).json();
        CliRunner.Result text = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, text.code(), text.err());
        String out = text.out();
        String heading = "疑似重复（措辞不同，需人工判断）" + c.get("possibleRepeats").size() + " 条";
        int repeats = out.indexOf("重复查摆的问题（" + c.get("repeats").size() + " 条");
        int possible = out.indexOf(heading);
        int measures = out.indexOf("年整改措施的落实情况");
        assertTrue(repeats >= 0 && repeats < possible && possible < measures, out);
        for (JsonNode p : c.get("possibleRepeats")) {
            int at = out.indexOf(p.get("to").get("text").asText(), possible);
            assertTrue(at > possible && at < measures, "each possible repeat under its heading: " + p.get("to").get("text"));
        }
    }

    @Test
    void missingReportsAndBadYearsAreOneChineseSentence() {
        CliRunner.Result r = CliRunner.run("compare", "--unit", "临江县财政局", "--from", "2019", "--to", "2023", "--data", data);
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("2019"), r.err());
        r = CliRunner.run("compare", "--unit", "临江县财政局", "--from", "二〇二二", "--to", "2023", "--data", data);
        assertEquals(2, r.code());
        r = CliRunner.run("compare", "--unit", "临江县财政局", "--from", "2023", "--to", "2023", "--data", data);
        assertEquals(2, r.code());
    }

    @Test
    void repeatsShowTheChainThroughThreeYears() {
        CliRunner.Result r = CliRunner.run("repeats", "--unit", "临江县财政局", "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode chain = r.json().get("chains").get(0);
        assertEquals(3, chain.get("times").asInt());
        assertEquals("[2022,2023,2024]", chain.get("years").toString());
    }

    @Test
    void copiesFindTheCopiedReportAndATemplateIsASource() throws Exception {
        CliRunner.Result pairs = CliRunner.run("copies", "--data", data, "--json");
        assertEquals(0, pairs.code(), pairs.err());
        JsonNode first = pairs.json().get("pairs").get(0);
        assertEquals(java.util.Set.of("临江县审计局", "临江县财政局"),
                java.util.Set.of(first.get("copy").get("unit").asText(), first.get("source").get("unit").asText()));
        assertTrue(first.get("share").asDouble() >= 0.3, first.toString());
        String yunxiText = Files.readString(Path.of("tools/samples/yunxi-dw-2022.txt"));
        Path template = tmp.resolve("范文.txt");
        Files.writeString(template, yunxiText);
        CliRunner.Result added = CliRunner.run("template", "add", template.toString(), "--name", "网传范文", "--data", data);
        assertEquals(0, added.code(), added.err());
        CliRunner.Result list = CliRunner.run("template", "list", "--data", data);
        assertTrue(list.out().contains("网传范文"), list.out());
        Path copy = tmp.resolve("copy");
        CliRunner.copySamples(copy, "yunxi-dw-2022.txt");
        CliRunner.Result imported = CliRunner.run("import", copy.toString(), "--data", data, "--json");
        String id = imported.jsonLines().get(0).get("id").asText();
        CliRunner.Result check = CliRunner.run("copies", id, "--data", data, "--json");
        assertEquals(0, check.code(), check.err());
        JsonNode source = check.json().get("sources").get(0);
        assertTrue(source.get("template").asBoolean(), check.out());
        assertTrue(check.json().get("share").asDouble() > 0.9, check.out());
        JsonNode shown = CliRunner.run("show", id, "--data", data, "--json").json();
        for (String field : new String[] {"title", "unit", "author", "year"}) { // the answer heads itself
            assertEquals(shown.get(field), check.json().get(field), field + ": " + check.out());
        }
        assertEquals(2022, check.json().get("year").asInt());
        Path backup = tmp.resolve("backup.zip");
        assertEquals(0, CliRunner.run("backup", backup.toString(), "--data", data).code());
        String restored = tmp.resolve("restored").toString();
        assertEquals(0, CliRunner.run("restore", backup.toString(), "--data", restored).code());
        assertTrue(CliRunner.run("template", "list", "--data", restored).out().contains("网传范文"), "a backup takes the templates");
        String templateId = added.out().strip().split(" ")[0];
        assertEquals(0, CliRunner.run("template", "remove", templateId, "--data", data).code());
        assertFalse(CliRunner.run("template", "list", "--data", data).out().contains("网传范文"));
        assertEquals(1, CliRunner.run("copies", "no-such-id", "--data", data).code());
    }
}
